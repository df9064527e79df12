// Add folder in browser mode, where there is no native picker: browse the folders of this
// computer (listed by the catalogue server), click to go down, or type a path (`~` is home).
// A path that cannot be used is answered in the dialog, which keeps what was typed.
import './folderBrowser.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFolderListing } from './useFolderListing.ts';
import { FieldError } from '../common/FieldError.tsx';

function baseName(path: string): string {
  const parts = path.split(/[\\/]+/).filter(Boolean);
  return parts.length ? parts[parts.length - 1] : path;
}

export function FolderBrowser({
  message,
  onConfirm,
  onClose,
  purpose,
}: {
  message: string | null;
  /**
   * The one place a chosen folder leaves the dialog (to be ingested, and to be recorded as a
   * folder the person chose). Resolves to a message to show, or null when it was taken.
   */
  onConfirm(path: string): Promise<string | null>;
  onClose(): void;
  /** Words for another use than adding (relinking a moved folder): title, intro, busy and submit labels. */
  purpose?: { title: string; intro: string; busy: string; submit(name: string | null): string };
}) {
  const { t } = useTranslation(['ingest', 'common']);
  const folders = useFolderListing();
  const { listing } = folders;
  // What the person typed; until they type, the field shows the folder listed. (Derived, not
  // copied in by an effect: an effect could run after a keystroke with an earlier render's
  // "not typed yet" and put the listed folder over what was typed, which then got added.)
  // The field takes typing only once the first folder is listed: a listing landing mid-typing
  // would otherwise put home in front of what was typed ("/root" + "/tmp/scans").
  const [typed, setTyped] = useState('');
  const [edited, setEdited] = useState(false);
  // Counts keystrokes, so an answer to an earlier open does not take back later typing.
  const keystrokes = useRef(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const shown = edited ? typed : (listing?.path ?? '');

  const open = async (path: string) => {
    setProblem(null);
    const typedBefore = keystrokes.current;
    const answer = await folders.go(path);
    if (answer && keystrokes.current === typedBefore) setEdited(false);
    return answer;
  };

  const add = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      // A typed path is checked (and `~` expanded) by listing it first.
      const target = edited ? await open(typed) : listing;
      if (!target) return;
      const refused = await onConfirm(target.path);
      if (refused) setProblem(refused);
    } finally {
      setBusy(false);
    }
  };

  const error = problem ?? folders.error;
  const name = listing ? baseName(listing.path) : '';
  // The intro names `~` as code: the message holds its place, the markup stays here.
  const [introBefore, introAfter = ''] = t('folder.intro', { home: '\u0000' }).split('\u0000');
  return (
    <div className="overlay dim" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form
        className="dialog folder-browser"
        role="dialog"
        aria-modal="true"
        aria-labelledby="folder-dialog-title"
        data-testid="folder-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <h2 id="folder-dialog-title">{purpose?.title ?? t('folder.title')}</h2>
        {message && <p className="notice">{message}</p>}
        <p className="muted small">
          {purpose ? purpose.intro : introBefore}
          {!purpose && <code>~</code>}
          {!purpose && introAfter}
        </p>
        <div className="folder-path-row">
          <input
            ref={input}
            type="text"
            className="text-input"
            data-testid="folder-path-input"
            aria-label={t('folder.pathLabel')}
            placeholder={t('folder.placeholder')}
            value={shown}
            spellCheck={false}
            autoComplete="off"
            readOnly={!listing && !folders.error}
            onChange={(e) => {
              keystrokes.current++;
              setTyped(e.target.value);
              setEdited(true);
            }}
            onKeyDown={(e) => {
              // Enter opens what was typed; the Add button adds it.
              if (e.key === 'Enter') {
                e.preventDefault();
                void open(shown);
              }
            }}
          />
          <button type="button" className="button" data-testid="folder-path-go" disabled={!shown.trim() || folders.loading} onClick={() => void open(shown)}>
            {t('folder.open')}
          </button>
        </div>
        <FieldError text={error} testId="folder-path-error" />
        <div className="folder-nav">
          <button type="button" className="button small" data-testid="folder-up" disabled={!listing?.parent} onClick={() => listing?.parent && void open(listing.parent)}>
            {t('folder.up')}
          </button>
          <button type="button" className="button small ghost" data-testid="folder-home" onClick={() => void open('~')}>
            {t('folder.home')}
          </button>
          <span className="folder-current muted small" title={listing?.path}>
            {listing?.path ?? t('folder.opening')}
          </span>
          <label className="small folder-hidden-toggle">
            <input type="checkbox" data-testid="folder-show-hidden" checked={folders.showHidden} onChange={(e) => folders.setShowHidden(e.target.checked)} /> {t('folder.hidden')}
          </label>
        </div>
        <ul className="folder-list" data-testid="folder-list" aria-label={listing ? t('folder.listLabel', { path: listing.path }) : t('folder.listLabelNone')} aria-busy={folders.loading}>
          {listing?.folders.map((f) => (
            <li key={f.path}>
              <button type="button" className="folder-entry" data-testid="folder-entry" title={f.path} onClick={() => void open(f.path)}>
                <span className="folder-icon" aria-hidden="true" />
                {f.name}
              </button>
            </li>
          ))}
          {listing && listing.folders.length === 0 && <li className="muted small folder-empty">{t('folder.none')}</li>}
          {listing?.truncated && <li className="muted small folder-empty">{t('folder.truncated', { count: listing.folders.length })}</li>}
        </ul>
        <div className="button-row end">
          <button type="button" className="button ghost" onClick={onClose}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="button primary" data-testid="folder-path-submit" disabled={busy || (!edited && !listing)} title={listing?.path}>
            {purpose ? (busy ? purpose.busy : purpose.submit(edited ? null : name)) : busy ? t('folder.adding') : edited ? t('folder.addPath') : t('folder.addNamed', { name })}
          </button>
        </div>
      </form>
    </div>
  );
}
