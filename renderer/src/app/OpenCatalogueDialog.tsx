// "Open catalogue…" (File > Open Catalogue…, Ctrl+Shift+O, the catalogue's name in the top bar):
// the catalogues opened lately, and a field for another — a folder on this computer (the
// desktop's picker, or browser mode's folder browser) or a team catalogue's PostgreSQL address,
// with its password when the server asks. The open catalogue stays until the new one opened;
// then the window loads afresh (App hears `catalogueOpened`), so nothing of the old one stays.
import '../ingest/folderBrowser.css';
import './openCatalogue.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/apiClient.ts';
import { isPostgresLocation, type CatalogueChoice, type CatalogueChoices } from '../../../shared/catalogueChoices.ts';
import { api } from '../common/bridge.ts';
import { errorText, serverText } from '../common/errorText.ts';
import { FolderBrowser } from '../ingest/FolderBrowser.tsx';
import { FieldError } from '../common/FieldError.tsx';

/** Errors that the password field answers: the server asks for one, or refused the one given. */
const isPasswordProblem = (error: unknown) => error instanceof ApiError && error.code === 'password-needed';

export function OpenCatalogueDialog({ onClose, onOpened }: { onClose(): void; onOpened(location: string): void }) {
  const { t } = useTranslation(['app', 'common']);
  const [choices, setChoices] = useState<CatalogueChoices | null>(null);
  const [location, setLocation] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [askPassword, setAskPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [browsing, setBrowsing] = useState(false);
  const locationInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    api.catalogueChoices({}).then(
      (answer) => {
        if (!live) return;
        setChoices(answer);
        // The catalogue of last time could not be opened at start: say why, with it in the field.
        if (answer.problem) {
          setLocation(answer.problem.location);
          setProblem(t('openCatalogue.startProblem', { location: answer.problem.location, problem: serverText(answer.problem.error.message, answer.problem.error) }));
          if (answer.problem.error.code === 'password-needed') setAskPassword(true);
        }
      },
      (error: unknown) => live && setProblem(errorText(error)),
    );
    locationInput.current?.focus();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read once per opening
  }, []);

  useEffect(() => {
    if (askPassword) passwordInput.current?.focus();
  }, [askPassword]);

  const team = isPostgresLocation(location);
  /** `create`: false for a recent catalogue, which is said gone rather than made anew. */
  const open = async (target: string, create = true) => {
    if (busy || !target.trim()) return;
    setBusy(true);
    setProblem(null);
    try {
      const usePassword = isPostgresLocation(target) && password !== '';
      const answer = await api.openCatalogue({
        location: target,
        create,
        ...(usePassword ? { password } : {}),
        ...(usePassword && choices?.canRememberPassword ? { rememberPassword: remember } : {}),
      });
      if (answer.changed) onOpened(answer.location);
      else onClose();
    } catch (error) {
      setLocation(target);
      setProblem(errorText(error));
      if (isPasswordProblem(error)) {
        setAskPassword(true);
        passwordInput.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  };

  const chooseFolder = async () => {
    setProblem(null);
    try {
      const picked = await api.chooseCatalogueFolder({});
      // Browser mode has no native picker: browse the folders instead.
      if (picked === null) return setBrowsing(true);
      if (picked.path) setLocation(picked.path);
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  if (browsing) {
    return (
      <FolderBrowser
        message={null}
        onClose={() => setBrowsing(false)}
        onConfirm={async (path) => {
          setLocation(path);
          setBrowsing(false);
          return null;
        }}
        purpose={{
          title: t('openCatalogue.browseTitle'),
          intro: t('openCatalogue.browseIntro'),
          busy: t('openCatalogue.browseBusy'),
          submit: (name) => (name === null ? t('openCatalogue.browsePath') : t('openCatalogue.browseNamed', { name })),
        }}
      />
    );
  }

  const kind = (choice: CatalogueChoice) => (choice.kind === 'team' ? t('openCatalogue.teamKind') : t('openCatalogue.folderKind'));
  const kept = new Set(choices?.rememberedPasswords ?? []);
  return (
    <div className="overlay dim" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <form
        className="dialog open-catalogue"
        role="dialog"
        aria-modal="true"
        aria-labelledby="open-catalogue-title"
        data-testid="open-catalogue-dialog"
        aria-busy={busy}
        onSubmit={(e) => {
          e.preventDefault();
          void open(location);
        }}
      >
        <h2 id="open-catalogue-title">{t('openCatalogue.title')}</h2>
        {choices && (
          <p className="muted small open-catalogue-current" data-testid="open-catalogue-current">
            {t('openCatalogue.current')} <span className="catalogue-kind">{kind(choices.current)}</span> <code title={choices.current.location}>{choices.current.location}</code>
          </p>
        )}
        {choices && !choices.canOpen && <p className="notice">{t('openCatalogue.unavailable')}</p>}
        <h3 className="small open-catalogue-heading">{t('openCatalogue.recent')}</h3>
        <ul className="open-catalogue-recent" data-testid="open-catalogue-recent">
          {choices?.recent.map((choice) => (
            <li key={choice.location}>
              <button type="button" className="folder-entry recent-catalogue" data-testid="recent-catalogue" title={choice.location} disabled={busy || !choices.canOpen} onClick={() => void open(choice.location, false)}>
                <span className="catalogue-kind">{kind(choice)}</span>
                <span className="recent-location">{choice.location}</span>
                {kept.has(choice.location) && <span className="muted small">{t('openCatalogue.passwordKept')}</span>}
              </button>
            </li>
          ))}
          {choices && choices.recent.length === 0 && <li className="muted small">{t('openCatalogue.recentNone')}</li>}
        </ul>
        <label className="field-label" htmlFor="open-catalogue-location">
          {t('openCatalogue.locationLabel')}
        </label>
        <div className="folder-path-row">
          <input
            id="open-catalogue-location"
            ref={locationInput}
            type="text"
            className="text-input"
            data-testid="open-catalogue-location"
            value={location}
            spellCheck={false}
            autoComplete="off"
            disabled={busy}
            aria-describedby="open-catalogue-hint"
            onChange={(e) => {
              setLocation(e.target.value);
              setProblem(null);
            }}
          />
          <button type="button" className="button" data-testid="open-catalogue-choose" disabled={busy || choices?.canOpen === false} onClick={() => void chooseFolder()}>
            {t('openCatalogue.choose')}
          </button>
        </div>
        <p id="open-catalogue-hint" className="muted small">
          {t('openCatalogue.locationHint')}
        </p>
        {team && (
          <div className="open-catalogue-password">
            <label className="field-label" htmlFor="open-catalogue-password">
              {t('openCatalogue.password')}
            </label>
            <input
              id="open-catalogue-password"
              ref={passwordInput}
              type="password"
              className="text-input"
              data-testid="open-catalogue-password"
              value={password}
              autoComplete="current-password"
              disabled={busy}
              onChange={(e) => setPassword(e.target.value)}
            />
            <p className="muted small">{t('openCatalogue.passwordHint')}</p>
            {choices?.canRememberPassword ? (
              <label className="small">
                <input type="checkbox" data-testid="open-catalogue-remember" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> {t('openCatalogue.remember')}
              </label>
            ) : (
              <p className="muted small" data-testid="open-catalogue-no-keychain">
                {t('openCatalogue.noKeychain')}
              </p>
            )}
          </div>
        )}
        <FieldError text={problem} testId="open-catalogue-error" />
        <div className="button-row end">
          <button type="button" className="button ghost" disabled={busy} onClick={onClose}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="button primary" data-testid="open-catalogue-submit" disabled={busy || !location.trim() || choices?.canOpen === false}>
            {busy ? t('openCatalogue.opening') : t('openCatalogue.open')}
          </button>
        </div>
      </form>
    </div>
  );
}
