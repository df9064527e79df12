// The metadata editor. Each field saves on its own: on blur, on Enter, or 400 ms after typing
// stops. A failed save keeps the person's text in the field and says why. Each save names the
// value the field showed before the person changed it: in a team catalogue, a colleague's newer
// save of the same field refuses it (nothing is overwritten), and the field shows both values
// with a choice: keep theirs, keep mine (saved over theirs), or merge the two by hand.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditableField, Photo, PhotoPatch } from '../../../shared/types.ts';
import { readDate } from '../../../shared/datePhrases.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { photoDate } from '../common/labels.ts';
import { SUGGESTED_FIELDS, type SuggestedField } from '../../../shared/pickLists.ts';
import { api } from '../common/bridge.ts';
import { takeFieldFocus } from './fieldFocus.ts';
import { invalidateSuggestions, useSuggestions } from './suggestions.ts';
import { TagChips } from './TagChips.tsx';
import { LicencePicker } from './LicencePicker.tsx';
import { errorText, serverText } from '../common/errorText.ts';
import { ApiError } from '../../../shared/apiClient.ts';
import { splitTags } from '../../../shared/tags.ts';
import { FieldError } from '../common/FieldError.tsx';

type Status = { saving: number; lastSaved: EditableField | null; errors: Map<EditableField, string> };

const IDLE: Status = { saving: 0, lastSaved: null, errors: new Map() };

/** A colleague's value saved after the field showed its own (a team catalogue's refusal). */
interface Conflict {
  theirs: string;
  /** Who saved it and when, as the catalogue says them ('' when no one's save did: an import). */
  by: string;
  at: string;
}

type SaveResult = { ok: true } | { ok: false; conflict: Conflict | null };

/** The conflict an API error reports, or null for any other failure. */
function conflictOf(error: unknown): Conflict | null {
  if (!(error instanceof ApiError) || error.code !== 'edit-conflict' || !error.params) return null;
  const { theirs, by, at } = error.params;
  return typeof theirs === 'string' ? { theirs, by: typeof by === 'string' ? by : '', at: typeof at === 'string' ? at : '' } : null;
}

/** Fields with an example in the catalogue's `editing:placeholders`. */
type PlaceholderField = 'date' | 'donor' | 'tags' | 'source' | 'archiveRef';

interface FieldSpec {
  name: EditableField;
  multiline?: boolean;
  placeholder?: PlaceholderField;
  wide?: boolean;
}

// Labels and examples are in the message catalogues (editing:fields.*, editing:placeholders.*).
const FIELDS: FieldSpec[] = [
  { name: 'title', wide: true },
  { name: 'caption', multiline: true, wide: true },
  { name: 'date', placeholder: 'date' },
  { name: 'donor', placeholder: 'donor' },
  { name: 'photographer' },
  { name: 'country' },
  { name: 'city' },
  { name: 'place', wide: true },
  { name: 'tags', placeholder: 'tags', wide: true },
  { name: 'licence' },
  { name: 'source', placeholder: 'source' },
  { name: 'archiveRef', placeholder: 'archiveRef' },
  { name: 'notes', multiline: true, wide: true },
];

export const FIELD_SPECS: readonly FieldSpec[] = FIELDS;
export type { FieldSpec };

// The tags rule (separators, comparing) is shared/tags.ts's.
const parseTags = splitTags;

function fieldText(photo: Photo, name: EditableField): string {
  return name === 'tags' ? photo.tags.join('; ') : String(photo[name]);
}

function patchFor(name: EditableField, text: string): PhotoPatch {
  return name === 'tags' ? { tags: parseTags(text) } : { [name]: text };
}

function sameValue(name: EditableField, a: string, b: string): boolean {
  return name === 'tags' ? parseTags(a).join('\u0000') === parseTags(b).join('\u0000') : a === b;
}

export function Editor({ photo, onSaved }: { photo: Photo; onSaved(photo: Photo): void }) {
  const { t } = useTranslation('editing');
  const [status, setStatus] = useState<Status>(IDLE);
  const [sidecarProblem, setSidecarProblem] = useState<string | null>(null);
  const photoId = photo.id;

  useEffect(() => setStatus(IDLE), [photoId]);

  const save = useCallback(
    async (name: EditableField, text: string, shown: string): Promise<SaveResult> => {
      const fail = (message: string): SaveResult => {
        setStatus((s) => ({ saving: s.saving, lastSaved: null, errors: new Map(s.errors).set(name, message) }));
        return { ok: false, conflict: null };
      };
      // A date the catalogue cannot read is refused here, in the UI language, before any save.
      if (name === 'date') {
        const read = readDate(text, currentLanguage());
        if (!read.ok) return fail(read.error);
      }
      setStatus((s) => ({ ...s, saving: s.saving + 1 }));
      try {
        const result = await api.updatePhotos({ ids: [photoId], patch: patchFor(name, text), seen: patchFor(name, shown) });
        const updated = result.photos.find((p) => p.id === photoId);
        if (updated) onSaved(updated);
        invalidateSuggestions();
        const problems = result.sidecarSkipped?.map((s) => `${s.file}: ${serverText(s.reason, s)}`) ?? result.sidecarProblems ?? [];
        setSidecarProblem(problems.length ? t('editor.sidecarProblem', { problems: problems.join('; ') }) : null);
        setStatus((s) => {
          const errors = new Map(s.errors);
          errors.delete(name);
          return { saving: s.saving - 1, lastSaved: name, errors };
        });
        return { ok: true };
      } catch (error) {
        const conflict = conflictOf(error);
        // A conflict's whole story is told beside the field, with the choices; the status names it.
        const message = conflict ? (conflict.by ? t('editor.conflict.statusBy', { by: conflict.by }) : t('editor.conflict.status')) : errorText(error);
        setStatus((s) => ({ saving: s.saving - 1, lastSaved: null, errors: new Map(s.errors).set(name, message) }));
        return { ok: false, conflict };
      }
    },
    [photoId, onSaved, t],
  );

  // A field put back to its saved value has nothing left to save.
  const clear = useCallback((name: EditableField) => {
    setStatus((s) => {
      if (!s.errors.has(name)) return s;
      const errors = new Map(s.errors);
      errors.delete(name);
      return { ...s, errors };
    });
  }, []);

  // Keyboard-first: Enter on the grid (or Alt+arrows from the last photo's field) asked for a field.
  useEffect(() => takeFieldFocus(), [photoId]);

  const failures = [...status.errors];
  const statusClass = status.saving ? 'saving' : failures.length ? 'error' : status.lastSaved ? 'saved' : 'idle';

  return (
    <form className="editor" onSubmit={(e) => e.preventDefault()} aria-label={t('editor.label')}>
      <div className="editor-head">
        <h3>{t('editor.heading')}</h3>
        <span className={`save-status ${statusClass}`} data-testid="save-status" role="status" aria-live="polite">
          {status.saving > 0 ? t('editor.saving') : status.lastSaved && !failures.length ? t('editor.saved') : status.lastSaved ? t('editor.savedThen') : ''}
          {status.saving === 0 &&
            failures.map(([field, message]) => (
              <span className="save-error" key={field}>
                {t('editor.notSaved', { field: t(`fields.${field}`), message })}
              </span>
            ))}
        </span>
      </div>
      <FieldError text={sidecarProblem} testId="sidecar-problem" />
      <div className="editor-fields">
        {FIELDS.map((spec) => (
          <Field key={`${photoId}:${spec.name}`} spec={spec} initial={fieldText(photo, spec.name)} save={save} clear={clear} />
        ))}
      </div>
    </form>
  );
}

function Field({
  spec,
  initial,
  save,
  clear,
}: {
  spec: FieldSpec;
  initial: string;
  save(name: EditableField, text: string, shown: string): Promise<SaveResult>;
  clear(name: EditableField): void;
}) {
  const { t } = useTranslation('editing');
  const { name } = spec;
  const [text, setText] = useState(initial);
  const [failed, setFailed] = useState(false);
  const [conflict, setConflictState] = useState<(Conflict & { mine: string }) | null>(null);
  // The conflict as the saves chain sees it (state is read a render late).
  const pending = useRef<(Conflict & { mine: string }) | null>(null);
  const setConflict = (next: (Conflict & { mine: string }) | null) => {
    pending.current = next;
    setConflictState(next);
  };
  const saved = useRef(initial);
  const latest = useRef(initial);
  const timer = useRef<number | undefined>(undefined);
  const chain = useRef<Promise<unknown>>(Promise.resolve());

  // The catalogue's value changed (an undo, a batch edit, another program): show it, unless the
  // person is in this field (their text wins and is saved as usual) or it is the same value
  // written differently (tags "a; " saved as "a": rewriting would eat the separator being typed).
  useEffect(() => {
    if (sameValue(name, initial, saved.current) || timer.current !== undefined || latest.current !== saved.current) return;
    if (document.activeElement?.id === `field-${name}`) return;
    saved.current = initial;
    latest.current = initial;
    setText(initial);
  }, [initial]);

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const value = latest.current;
    // Saves run one after another, each compared with what the one before it stored.
    chain.current = chain.current.then(async () => {
      if (sameValue(name, value, saved.current)) {
        setFailed(false);
        setConflict(null);
        clear(name);
        return;
      }
      // The text a colleague's value refused waits for the person's choice (leaving the field
      // to click one must not send it again).
      if (pending.current && sameValue(name, value, pending.current.mine)) return;
      const result = await save(name, value, saved.current);
      if (result.ok) saved.current = value;
      setFailed(!result.ok);
      setConflict(result.ok || !result.conflict ? null : { ...result.conflict, mine: value });
    });
  }, [name, save, clear]);

  // A conflict resolved: the field now starts from their value, as the person has seen it.
  const resolve = (choice: 'theirs' | 'mine' | 'merge') => {
    if (!conflict) return;
    const { theirs, mine } = conflict;
    saved.current = theirs;
    setConflict(null);
    setFailed(false);
    clear(name);
    if (choice === 'theirs') {
      latest.current = theirs;
      setText(theirs);
      return;
    }
    if (choice === 'mine' || name === 'tags') {
      // Mine saved over theirs; merged tags are every tag of both.
      const value = choice === 'mine' ? mine : parseTags(theirs).concat(parseTags(mine).filter((tag) => !parseTags(theirs).includes(tag))).join('; ');
      latest.current = value;
      setText(value);
      flush();
      return;
    }
    // Text is merged by the person: both values in the field, theirs first, saved when they leave it.
    const both = spec.multiline ? `${theirs}\n${mine}` : `${theirs} ${mine}`;
    latest.current = both;
    setText(both);
    window.setTimeout(() => document.getElementById(`field-${name}`)?.focus(), 0);
  };

  // Leaving the photo (or the app view) still saves what was typed.
  useEffect(() => () => {
    if (timer.current !== undefined) flush();
  }, [flush]);

  const onChange = (value: string) => {
    setText(value);
    latest.current = value;
    window.clearTimeout(timer.current);
    // An unparseable date waits for blur/Enter: it is probably half typed.
    if (name === 'date' && !readDate(value).ok) {
      timer.current = undefined;
      return;
    }
    timer.current = window.setTimeout(flush, 400);
  };

  const suggested = (SUGGESTED_FIELDS as readonly string[]).includes(name) ? (name as SuggestedField) : null;
  // The pick list is asked for when the field is first entered, not whenever a photo is shown:
  // at a million photos counting a field's values takes a second, and seven such requests at
  // every arrow key held the browser's few connections while the grid's thumbnails waited.
  const [entered, setEntered] = useState(false);
  const choices = useSuggestions(entered ? suggested : null);

  const common = {
    id: `field-${name}`,
    name,
    value: text,
    'data-testid': `field-${name}`,
    placeholder: spec.placeholder ? t(`placeholders.${spec.placeholder}`) : undefined,
    spellCheck: name === 'caption' || name === 'notes' || name === 'title',
    'aria-invalid': failed || undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value),
    onBlur: flush,
    onFocus: () => setEntered(true),
  };

  let hint: React.ReactNode = null;
  if (name === 'date' && text.trim()) {
    // People write dates as phrases ("1956 körül"); the hint says how the catalogue reads them.
    const parsed = readDate(text, currentLanguage());
    hint = parsed.ok ? (
      <span className="field-hint" data-testid="date-description">{photoDate(parsed.edtf)}</span>
    ) : (
      <span className="field-hint field-error" data-testid="date-error" role="alert">{parsed.error}</span>
    );
  }

  return (
    <>
      <label className={`field${spec.wide || spec.multiline ? ' wide' : ''}${failed ? ' failed' : ''}`} htmlFor={common.id}>
        <span className="field-label">{t(`fields.${name}`)}</span>
        {name === 'tags' ? (
          <TagChips
            id={common.id}
            tags={parseTags(text)}
            placeholder={common.placeholder}
            invalid={failed}
            onAdd={(add) => (onChange(parseTags(latest.current).concat(add).join('; ')), flush())}
            onRemove={(tag) => (onChange(parseTags(latest.current).filter((t) => t !== tag).join('; ')), flush())}
            onBlur={flush}
          />
        ) : name === 'licence' ? (
          <LicencePicker id={common.id} value={text} invalid={failed} onPick={(picked) => (onChange(picked), flush())} />
        ) : spec.multiline ? (
          <textarea
            {...common}
            rows={name === 'caption' ? 4 : 3}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) flush();
            }}
          />
        ) : (
          <input
            {...common}
            type="text"
            autoComplete="off"
            list={suggested ? `choices-${name}` : undefined}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                flush();
              }
            }}
          />
        )}
        {suggested && name !== 'licence' && (
          <datalist id={`choices-${name}`} data-testid={`choices-${name}`}>
            {choices.map((choice) => (
              <option key={choice} value={choice} />
            ))}
          </datalist>
        )}
        {hint}
      </label>
      {conflict && (
        <div className="field-conflict" role="alert" data-testid={`conflict-${name}`}>
          <p className="field-conflict-head">{conflict.by ? t('editor.conflict.changedBy', { field: t(`fields.${name}`), by: conflict.by, at: conflict.at }) : t('editor.conflict.changed', { field: t(`fields.${name}`) })}</p>
          <dl className="field-conflict-values">
            <dt>{conflict.by ? t('editor.conflict.theirsBy', { by: conflict.by }) : t('editor.conflict.theirs')}</dt>
            <dd data-testid="conflict-theirs">{conflict.theirs || '—'}</dd>
            <dt>{t('editor.conflict.mine')}</dt>
            <dd data-testid="conflict-mine">{conflict.mine || '—'}</dd>
          </dl>
          <div className="field-conflict-actions">
            <button type="button" data-testid="conflict-keep-theirs" onClick={() => resolve('theirs')}>
              {t('editor.conflict.keepTheirs')}
            </button>
            <button type="button" data-testid="conflict-keep-mine" onClick={() => resolve('mine')}>
              {t('editor.conflict.keepMine')}
            </button>
            <button type="button" data-testid="conflict-merge" onClick={() => resolve('merge')}>
              {name === 'tags' ? t('editor.conflict.mergeTags') : t('editor.conflict.merge')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
