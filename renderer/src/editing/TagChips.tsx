// Tags as chips: what is typed is a draft until Enter, `;` (or leaving the field) makes
// it a chip, so Enter can never glue the next words onto the last tag. Backspace in the empty
// field takes the last chip back into the draft; × removes a chip. The draft keeps TagInput's
// autocomplete from the catalogue's tags.
import './tagChips.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TagInput } from './TagInput.tsx';
import { splitDraft, splitTags, tagKey } from '../../../shared/tags.ts';


export function TagChips({
  id,
  tags,
  placeholder,
  invalid,
  showChips = true,
  onAdd,
  onRemove,
  onBlur,
}: {
  id: string;
  tags: readonly string[];
  placeholder?: string;
  invalid?: boolean;
  /** False where the chips are drawn elsewhere (the batch editor lists them with counts). */
  showChips?: boolean;
  onAdd(tags: string[]): void;
  onRemove(tag: string): void;
  onBlur?(): void;
}) {
  const { t } = useTranslation('editing');
  const [draft, setDraft] = useState('');

  const fresh = (candidates: string[]) => {
    const seen = new Set(tags.map(tagKey));
    return candidates.filter((t) => {
      const key = tagKey(t);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };

  const complete = (text: string) => {
    const add = fresh(splitTags(text));
    setDraft('');
    if (add.length) onAdd(add);
  };

  return (
    <span className={`tag-chips${invalid ? ' invalid' : ''}`} data-testid="tag-chips">
      {showChips &&
        tags.map((tag) => (
          <span className="chip tag-chip" key={tag} data-testid="tag-chip">
            {tag}
            <button type="button" className="chip-remove" aria-label={t('tagChips.remove', { tag })} tabIndex={-1} onMouseDown={(e) => e.preventDefault()} onClick={() => onRemove(tag)}>
              ×
            </button>
          </span>
        ))}
      <TagInput
        id={id}
        value={draft}
        placeholder={showChips && tags.length ? undefined : placeholder}
        ariaInvalid={invalid}
        onChange={(text) => {
          const { done, rest } = splitDraft(text);
          setDraft(rest);
          const add = fresh(done);
          if (add.length) onAdd(add);
        }}
        onCommit={() => complete(draft)}
        onBackspaceEmpty={() => {
          const last = tags[tags.length - 1];
          if (!showChips || last === undefined) return;
          onRemove(last);
          setDraft(last);
        }}
        onBlur={() => {
          // Leaving the field keeps what was typed: it becomes a tag.
          if (draft.trim()) complete(draft);
          onBlur?.();
        }}
      />
    </span>
  );
}
