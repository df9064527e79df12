// The right-hand panel: one photo's details, the selection's credits and batch editor, or a hint.
import { useTranslation } from 'react-i18next';
import type { PhotoSummary } from '../../../shared/types.ts';
import type { SelectionModel } from '../library/useSelection.ts';
import { DetailPanel } from './DetailPanel.tsx';
import { MultiPanel } from './MultiPanel.tsx';
import { useTurnKeys } from './useTurnKeys.ts';

export function SelectionPanel({ model, summary, total, onOpenLarge, onError }: { model: SelectionModel; summary: PhotoSummary | undefined; total: number; onOpenLarge(): void; onError(message: string): void }) {
  const { t } = useTranslation('editing');
  // Ctrl+] / Ctrl+[ turn what this panel is about: the selection (in the grid and the large view).
  useTurnKeys(model.selection, model.count, onError);
  if (model.singleId !== null) return <DetailPanel key={model.singleId} id={model.singleId} summary={summary} onOpenLarge={onOpenLarge} />;
  if (model.count > 1 || (model.pending && model.count > 0)) return <MultiPanel selection={model.selection} count={model.count} pending={model.pending} />;
  return (
    <aside className="detail empty" data-testid="detail" aria-label={t('hint.label')}>
      <div className="detail-hint">
        {total > 0 && (
          <>
            <p>{t('hint.select')}</p>
            <p className="muted small">{t('hint.selectSeveral')}</p>
          </>
        )}
      </div>
    </aside>
  );
}
