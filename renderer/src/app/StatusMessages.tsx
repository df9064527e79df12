// The status banner under the top bar (it clears itself), and the Messages button that opens
// the history of the last messages with their times.
import './statusMessages.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTimeOfDay } from '../common/labels.ts';
import type { StatusMessages as Status } from './useStatusMessages.ts';

export function StatusBanner({ status }: { status: Status }) {
  const { t } = useTranslation();
  const message = status.current;
  if (!message) return null;
  return (
    <div
      className={`notice-bar ${message.kind}`}
      role={message.kind === 'error' ? 'alert' : 'status'}
      data-testid="status-message"
      onMouseEnter={() => status.hold(true)}
      onMouseLeave={() => status.hold(false)}
      onFocus={() => status.hold(true)}
      onBlur={() => status.hold(false)}
    >
      <span>
        {message.text}
        {message.count > 1 && <span className="muted"> (×{message.count})</span>}
      </span>
      <button type="button" className="button small ghost" onClick={() => (status.hold(false), status.dismiss())}>
        {t('dismiss')}
      </button>
    </div>
  );
}

export function StatusHistoryButton({ status }: { status: Status }) {
  const { t } = useTranslation(['app', 'common']);
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    const outside = (e: MouseEvent) => {
      if (!panel.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', outside);
    return () => window.removeEventListener('mousedown', outside);
  }, [open]);

  const errors = status.history.filter((m) => m.kind === 'error').length;
  return (
    <>
      <button
        ref={button}
        type="button"
        className="button small ghost status-history-button"
        data-testid="status-history-button"
        aria-expanded={open}
        title={t('status.historyTitle')}
        onClick={() => setOpen((o) => !o)}
      >
        {t('status.messages')}{status.history.length > 0 && <span className="muted"> {status.history.length}</span>}
        {errors > 0 && <span className="status-error-dot" aria-label={t('status.errors', { count: errors })} />}
      </button>
      {open && (
        <div
          ref={panel}
          className="status-history"
          role="dialog"
          aria-label={t('status.messages')}
          data-testid="status-history"
          tabIndex={-1}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              e.nativeEvent.stopImmediatePropagation();
              setOpen(false);
              button.current?.focus();
            }
          }}
        >
          <div className="status-history-head">
            <h3>{t('status.messages')}</h3>
            <span className="muted small">{status.history.length ? t('status.last', { count: status.history.length }) : t('status.lastNone')}</span>
            <span className="spacer" />
            <button type="button" className="button small ghost" onClick={() => setOpen(false)}>
              {t('common:close')}
            </button>
          </div>
          {status.history.length === 0 ? (
            <p className="muted small">{t('status.empty')}</p>
          ) : (
            <ol className="status-history-list">
              {status.history.map((m) => (
                <li key={`${m.id}`} className={m.kind} data-testid="status-history-entry">
                  <time dateTime={m.at.toISOString()}>{formatTimeOfDay(m.at)}</time>
                  <span>
                    {m.kind === 'error' && <strong>{t('status.error')}</strong>}
                    {m.text}
                    {m.count > 1 && <span className="muted"> (×{m.count})</span>}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </>
  );
}
