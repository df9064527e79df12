// The photo's History section, under the editor: every recorded change to its fields, newest
// first — when, who (in a team catalogue), which field, before → after — and which of them were
// undone. Read only while open: a folder catalogue reads it from its undo steps. Read again when
// anything changes the photo (this window, a batch edit, an import, the CLI) or a step is undone.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditableField } from '../../../shared/types.ts';
import { localMinute, type PhotoHistoryEntry } from '../../../shared/editHistory.ts';
import { touches } from '../../../shared/events.ts';
import { api } from '../common/bridge.ts';
import './archivistDesk.css';
import { useCatalogueData } from '../common/useCatalogueData.ts';

export function PhotoHistory({ id }: { id: number }) {
  const { t } = useTranslation('editing');
  const [open, setOpen] = useState(false);
  const { data, error } = useCatalogueData(
    open ? () => api.photoHistory({ id }) : null,
    [id, open],
    (e) => open && ((e.type === 'photosChanged' && touches(e, [id])) || e.type === 'historyChanged'),
  );
  const entries = data?.entries ?? null;
  return (
    <details className="photo-history" data-testid="photo-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('history.title')}</summary>
      {error && <div className="field-error">{error}</div>}
      {open && entries?.length === 0 && <p className="muted" data-testid="history-empty">{t('history.none')}</p>}
      {entries && entries.length > 0 && (
        <ol className="history-list">
          {entries.map((entry, i) => (
            <HistoryLine key={`${entry.at}:${entry.field}:${i}`} entry={entry} />
          ))}
        </ol>
      )}
    </details>
  );
}

function HistoryLine({ entry }: { entry: PhotoHistoryEntry }) {
  const { t } = useTranslation('editing');
  return (
    <li className={entry.undone ? 'history-entry undone' : 'history-entry'} data-testid="history-entry">
      <div className="history-when">
        <time dateTime={entry.at}>{localMinute(entry.at)}</time>
        {entry.author && <span className="history-author">{entry.author}</span>}
        {entry.undone && <span className="history-mark">{t('history.undone')}</span>}
        {entry.undo && <span className="history-mark">{t('history.undo')}</span>}
      </div>
      <div className="history-change">
        <span className="history-field">{t(`fields.${entry.field as EditableField}`)}</span>{' '}
        <Value value={entry.before} /> → <Value value={entry.after} />
      </div>
    </li>
  );
}

/** A value as the editor shows it (tags as a list); an empty one as a dash, so "" → "x" reads. */
function Value({ value }: { value: PhotoHistoryEntry['before'] }) {
  const text = Array.isArray(value) ? value.join('; ') : String(value);
  return text ? <span className="history-value">{text}</span> : <span className="history-value muted">—</span>;
}
