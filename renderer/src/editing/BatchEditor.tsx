// Batch editing of a selection. A field where the photos agree shows the shared value; a field
// where they differ shows "mixed" and is left alone unless changed. Each change is saved to
// every selected photo as one undoable step. Tags are added and removed per tag, so each photo
// keeps its own other tags.
import './archivistDesk.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectionFields } from '../../../shared/batchEdit.ts';
import type { EditableField, PhotoPatch } from '../../../shared/types.ts';
import { CONFIRM_BATCH_OVER, type Selection } from '../../../shared/selection.ts';
import { useCatalogueData } from '../common/useCatalogueData.ts';
import { readDate } from '../../../shared/datePhrases.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { api } from '../common/bridge.ts';
import { takeFieldFocus } from './fieldFocus.ts';
import { photoDate } from '../common/labels.ts';
import { invalidateSuggestions } from './suggestions.ts';
import { FIELD_SPECS, type FieldSpec } from './Editor.tsx';
import { TagChips } from './TagChips.tsx';
import { LicencePicker } from './LicencePicker.tsx';
import { errorText } from '../common/errorText.ts';
import { MarksEditor, type ShownMarks } from '../library/marks/MarksEditor.tsx';
import { isColourLabel, isFlag } from '../../../shared/photoMarks.ts';

/** The marks every selected photo shares (selectionFields answers them as text), null where they differ. */
function sharedMarks(fields: SelectionFields): ShownMarks {
  const { rating, flag, label } = fields.common;
  return { rating: rating === undefined ? null : Number(rating), flag: isFlag(flag) ? flag : null, label: isColourLabel(label) ? label : null };
}

type TextField = Exclude<EditableField, 'tags'>;

export function BatchEditor({ selection, count }: { selection: Selection; count: number }) {
  const { t } = useTranslation('editing');
  const [status, setStatus] = useState<{ kind: 'saving' | 'saved' | 'error'; text: string } | null>(null);
  // What the selected photos share, again after every change to photos (ours, an undo, the CLI).
  const loaded = useCatalogueData(() => api.selectionFields({ selection }).then((f) => ({ selection, f })), [selection], (e) => e.type === 'photosChanged');
  const fields: SelectionFields | null = loaded.data?.selection === selection ? loaded.data.f : null;

  useEffect(() => setStatus(null), [selection]);
  useEffect(() => {
    if (fields) takeFieldFocus();
  }, [fields !== null, selection]); // eslint-disable-line react-hooks/exhaustive-deps

  const run = async (work: () => Promise<number>) => {
    // Many photos: say how many before changing them.
    if (count > CONFIRM_BATCH_OVER && !window.confirm(t('batch.confirm', { count }))) {
      setStatus(null);
      return false;
    }
    setStatus({ kind: 'saving', text: t('batch.saving') });
    try {
      const saved = await work();
      invalidateSuggestions();
      setStatus({ kind: 'saved', text: t('batch.saved', { count: saved }) });
      return true;
    } catch (e) {
      setStatus({ kind: 'error', text: t('batch.notSaved', { message: errorText(e) }) });
      return false;
    }
  };

  const savePatch = (patch: PhotoPatch) => run(async () => (await api.editSelection({ selection, patch })).count);
  const editTags = (add: string[], remove: string[]) => run(async () => (await api.editSelectionTags({ selection, add, remove })).count);

  return (
    <form className="editor batch-editor" onSubmit={(e) => e.preventDefault()} aria-label={t('batch.label')} data-testid="batch-editor">
      <div className="editor-head">
        <h3>{t('batch.heading', { count })}</h3>
        <span className={`save-status ${status?.kind ?? 'idle'}`} data-testid="save-status" role="status" aria-live="polite">
          {status?.text ?? ''}
        </span>
      </div>
      {!fields && <div className="detail-loading">{t('batch.loading')}</div>}
      {fields && <MarksEditor marks={sharedMarks(fields)} onChange={(patch) => void savePatch(patch)} />}
      {fields && (
        <div className="editor-fields">
          {FIELD_SPECS.filter((spec) => spec.name !== 'tags').map((spec) => (
            <BatchField
              key={spec.name}
              spec={spec}
              mixed={fields.mixed.includes(spec.name as TextField)}
              initial={fields.common[spec.name as TextField] ?? ''}
              save={(text) => savePatch({ [spec.name]: text })}
            />
          ))}
          <div className="field wide">
            <label className="field-label" htmlFor="field-tags">
              {t('batch.tags')} <span className="muted">{t('batch.tagsNote')}</span>
            </label>
            <div className="chips" data-testid="batch-tags">
              {fields.tags.map((tc) => (
                <span className={`chip${tc.count < fields.count ? ' partial' : ''}`} key={tc.tag} data-testid="batch-tag">
                  {tc.tag}
                  {tc.count < fields.count && <span className="muted"> {tc.count}/{fields.count}</span>}
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={t('batch.removeTag', { tag: tc.tag })}
                    onClick={() => editTags([], [tc.tag])}
                  >
                    ×
                  </button>
                </span>
              ))}
              {fields.tags.length === 0 && <span className="muted small">{t('batch.noTags')}</span>}
            </div>
            <TagChips
              id="field-tags"
              // Tags on some of the photos may still be added to all: nothing is left out here.
              tags={[]}
              showChips={false}
              placeholder={t('batch.addTagPlaceholder')}
              onAdd={(add) => void editTags(add, [])}
              onRemove={(tag) => void editTags([], [tag])}
            />
          </div>
        </div>
      )}
    </form>
  );
}

function BatchField({ spec, mixed, initial, save }: { spec: FieldSpec; mixed: boolean; initial: string; save(text: string): Promise<boolean> }) {
  const { t } = useTranslation('editing');
  const { name } = spec;
  const [text, setText] = useState(initial);
  const [touched, setTouched] = useState(false);
  const saved = useRef(initial);
  // The photos changed (this save, an undo, the CLI) or the selection did: show their shared
  // value, unless the person has typed here something not yet saved.
  // What is typed is also kept in a ref, written in the change handler itself: this effect may
  // run with the values of an earlier render after a keystroke was already handled (a refresh
  // landing as the person types), and must never put the shared value over the typing.
  const draft = useRef<{ text: string; touched: boolean }>({ text: initial, touched: false });
  useEffect(() => {
    if (draft.current.touched && draft.current.text !== saved.current) return;
    if (initial === saved.current && document.activeElement?.id === `field-${name}`) return;
    saved.current = initial;
    draft.current = { text: initial, touched: false };
    setText(initial);
    setTouched(false);
  }, [initial, mixed]); // eslint-disable-line react-hooks/exhaustive-deps

  const commit = () => {
    if (!touched || text === saved.current) return;
    if (mixed && text === '' && saved.current === '') return; // a mixed field left empty stays as it is
    if (name === 'date' && !readDate(text, currentLanguage()).ok) return;
    saved.current = text;
    void save(text);
  };

  const common = {
    id: `field-${name}`,
    name,
    value: text,
    'data-testid': `field-${name}`,
    placeholder: mixed ? t('batch.mixedPlaceholder') : spec.placeholder ? t(`placeholders.${spec.placeholder}`) : undefined,
    className: mixed && !touched ? 'mixed' : undefined,
    'aria-description': mixed ? t('batch.mixedDescription') : undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      draft.current = { text: e.target.value, touched: true };
      setText(e.target.value);
      setTouched(true);
    },
    onBlur: commit,
  };

  let hint: React.ReactNode = null;
  if (name === 'date' && text.trim()) {
    // People write dates as phrases ("1956 körül"); the hint says how the catalogue reads them.
    const parsed = readDate(text, currentLanguage());
    hint = parsed.ok ? (
      <span className="field-hint" data-testid="batch-date-description">{photoDate(parsed.edtf)}</span>
    ) : (
      <span className="field-hint field-error" data-testid="batch-date-error" role="alert">{parsed.error}</span>
    );
  }

  return (
    <label className={`field${spec.wide || spec.multiline ? ' wide' : ''}`} htmlFor={common.id}>
      <span className="field-label">
        {t(`fields.${name}`)}
        {mixed && !touched && <span className="mixed-badge" data-testid={`mixed-${name}`}>{t('batch.mixed')}</span>}
      </span>
      {name === 'licence' ? (
        <LicencePicker
          id={common.id}
          value={text}
          mixed={mixed && !touched}
          onPick={(picked) => {
            draft.current = { text: picked, touched: true };
            setText(picked);
            setTouched(true);
            saved.current = picked;
            void save(picked);
          }}
        />
      ) : spec.multiline ? (
        <textarea
          {...common}
          rows={2}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit();
          }}
        />
      ) : (
        <input
          {...common}
          type="text"
          autoComplete="off"
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            }
          }}
        />
      )}
      {hint}
    </label>
  );
}
