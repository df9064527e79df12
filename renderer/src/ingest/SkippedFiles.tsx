// The ingest summary's line for files that are not images ("Skipped 5 files that are not
// images: 3 system files, 1 text file and 1 empty file") and, on request, the list of them
// with each one's reason, in the UI's language. Nothing an ingest passes by goes unsaid.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IngestSkip } from '../../../shared/types.ts';
import { englishMessage } from '../../../shared/errorMessages.ts';
import { SKIP_COUNT_KEYS, SKIP_REASONS, type SkipReason } from '../../../shared/skipReasons.ts';
import { serverText } from '../common/errorText.ts';
import { currentLanguage } from '../i18n/i18n.ts';

/** The list shows this many; a larger one says how many more (the CLI's --json has them all). */
const SHOWN = 500;

export function SkippedFiles({ skipped, byReason }: { skipped: readonly IngestSkip[]; byReason: Partial<Record<SkipReason, number>> }) {
  const { t } = useTranslation('ingest');
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (skipped.length === 0) return null;
  const counts = SKIP_REASONS.filter((reason) => byReason[reason]).map((reason) => {
    const params = { count: byReason[reason]! };
    return serverText(englishMessage(SKIP_COUNT_KEYS[reason], params), { key: SKIP_COUNT_KEYS[reason], params });
  });
  const list = new Intl.ListFormat(currentLanguage(), { style: 'long', type: 'conjunction' }).format(counts);
  return (
    <>
      <div className="ingest-line ingest-skipped" data-testid="ingest-skipped">
        <span className="skipped-counts">{t('skipped.line', { count: skipped.length, counts: list })}</span>
        <button type="button" className="button small ghost" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls={listId} data-testid="ingest-skipped-toggle">
          {/* One label, open or closed (the triangle and aria-expanded say which): the line keeps its layout. */}
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('skipped.details')}
        </button>
      </div>
      {open && (
        <div className="ingest-report" id={listId} data-testid="ingest-skipped-list" tabIndex={0} aria-label={t('skipped.title')}>
          <h3>{t('skipped.title')}</h3>
          <ul>
            {skipped.slice(0, SHOWN).map((s, i) => (
              <li key={`${i}:${s.path}`}>
                <span className="mono report-path">{s.path}</span>
                <span className="skip-reason">{serverText(s.message, s)}</span>
              </li>
            ))}
          </ul>
          {skipped.length > SHOWN && <p className="muted skip-more">{t('skipped.more', { count: skipped.length - SHOWN })}</p>}
        </div>
      )}
    </>
  );
}
