import type { Notice } from './useNotice.ts';

export function NoticeBar({ notice, onDismiss }: { notice: Notice; onDismiss(): void }) {
  return (
    <div className={`notice-bar ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span>{notice.text}</span>
      <button type="button" className="button small ghost" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
