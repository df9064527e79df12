// XMP sidecars from the detail panels: write them for the photo or selection now, and the
// catalogue-wide setting that writes them after every edit.
import './archivistDesk.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SidecarSettings } from '../../../shared/sidecars.ts';
import { api } from '../common/bridge.ts';
import { errorText, serverText } from '../common/errorText.ts';

export function SidecarActions({ ids }: { ids: number[] }) {
  const { t } = useTranslation('editing');
  const [settings, setSettings] = useState<SidecarSettings | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.sidecarSettings({}).then(setSettings, () => undefined);
  }, []);
  useEffect(() => setMessage(null), [ids.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps

  const write = async () => {
    setBusy(true);
    try {
      const report = await api.writeSidecars({ ids });
      const skipped = report.skipped.map((s) => `${s.file}: ${serverText(s.reason, s)}`).join(' · ');
      setMessage({
        kind: report.skipped.length ? 'error' : 'ok',
        text: `${t('sidecars.wrote', { count: report.written.length })}${skipped ? ` ${t('sidecars.notWritten', { list: skipped })}` : ''}`,
      });
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const toggle = async (autoWrite: boolean) => {
    try {
      setSettings(await api.setSidecarSettings({ autoWrite }));
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) });
    }
  };

  return (
    <section className="sidecar-actions" aria-label={t('sidecars.label')}>
      <div className="sidecar-row">
        <button type="button" className="button small" data-testid="write-sidecars" disabled={busy} onClick={write}>
          {ids.length === 1 ? t('sidecars.writeOne') : t('sidecars.writeMany', { count: ids.length })}
        </button>
        <label className="check">
          <input
            type="checkbox"
            data-testid="sidecar-auto"
            checked={settings?.autoWrite ?? false}
            disabled={!settings}
            onChange={(e) => toggle(e.target.checked)}
          />
          <span>{t('sidecars.auto')}</span>
        </label>
      </div>
      <p className="muted small">
        {t('sidecars.explain', { file: `${t('sidecars.exampleBase')}${settings?.naming === 'name.xmp' ? '' : '.jpg'}.xmp` })}
      </p>
      {message && (
        <p className={message.kind === 'error' ? 'field-error' : 'field-hint'} data-testid="sidecar-message" role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}
