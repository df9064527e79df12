// The tags field with autocomplete from the catalogue: while the last tag is typed, tags already
// in use are offered. ↓/↑ choose, Enter or Tab on a chosen one takes it, Esc closes the list;
// with nothing chosen Enter saves and Tab moves to the next field as usual.
import './archivistDesk.css';
import { useEffect, useRef, useState } from 'react';
import type { TagCount } from '../../../shared/editHistory.ts';
import { tagSuggestions } from './suggestions.ts';
import { splitTags, tagKey } from '../../../shared/tags.ts';
import { useLatestAnswer } from '../common/useLatestAnswer.ts';
import { formatNumber } from '../common/labels.ts';

interface Props {
  id: string;
  value: string;
  placeholder?: string;
  ariaInvalid?: boolean;
  onChange(value: string): void;
  onCommit(): void;
  onBlur(): void;
  /** Backspace in an empty field (TagChips takes the last chip back). */
  onBackspaceEmpty?(): void;
}

/** The tag being typed: what follows the last separator. */
function lastPart(text: string): { head: string; part: string } {
  const index = Math.max(text.lastIndexOf(';'), text.lastIndexOf('\n'));
  return { head: index >= 0 ? text.slice(0, index + 1) : '', part: text.slice(index + 1).trim() };
}

export function TagInput({ id, value, placeholder, ariaInvalid, onChange, onCommit, onBlur, onBackspaceEmpty }: Props) {
  const [options, setOptions] = useState<TagCount[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const typed = useRef(false);
  const { head, part } = lastPart(value);

  const asking = typed.current && part !== '';
  useEffect(() => {
    if (!asking) setOptions([]);
  }, [asking, part, head]);
  useLatestAnswer(asking ? () => tagSuggestions(part) : null, [part, head], {
    delayMs: 80,
    onAnswer: (tags) => {
      const existing = new Set(splitTags(head).map(tagKey));
      const fresh = tags.filter((t) => !existing.has(tagKey(t.tag)) && t.tag !== part);
      setOptions(fresh);
      setActive(-1);
      setOpen(fresh.length > 0);
    },
  });

  const take = (tag: string) => {
    const before = head ? `${head.replace(/\s*$/, '')} ` : '';
    onChange(`${before}${tag}; `);
    typed.current = false;
    setOpen(false);
    setOptions([]);
  };

  const listId = `${id}-suggestions`;
  return (
    <div className="tag-input">
      <input
        id={id}
        name="tags"
        data-testid="field-tags"
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        aria-invalid={ariaInvalid || undefined}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          typed.current = true;
          onChange(e.target.value);
        }}
        onBlur={() => {
          setOpen(false);
          onBlur();
        }}
        onKeyDown={(e) => {
          if (open && e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((i) => Math.min(options.length - 1, i + 1));
          } else if (open && e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(-1, i - 1));
          } else if (open && e.key === 'Escape') {
            // Closes the list only; a second Esc leaves the field.
            e.preventDefault();
            e.stopPropagation();
            e.nativeEvent.stopImmediatePropagation();
            setOpen(false);
          } else if (open && active >= 0 && (e.key === 'Enter' || e.key === 'Tab')) {
            e.preventDefault();
            take(options[active].tag);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            onCommit();
          } else if (e.key === 'Backspace' && value === '' && onBackspaceEmpty) {
            e.preventDefault();
            onBackspaceEmpty();
          }
        }}
      />
      {open && (
        <ul className="tag-suggestions" id={listId} role="listbox" data-testid="tag-suggestions">
          {options.map((option, i) => (
            <li
              key={option.tag}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                take(option.tag);
              }}
            >
              <span>{option.tag}</span>
              <span className="muted small">{formatNumber(option.count)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
