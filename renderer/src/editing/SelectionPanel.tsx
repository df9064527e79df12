// The right-hand panel: one photo's details, the selection's credits and batch editor, or a hint.
import { memo, useDeferredValue, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoSummary } from '../../../shared/types.ts';
import type { SelectionModel } from '../library/useSelection.ts';
import { DetailPanel } from './DetailPanel.tsx';
import { MultiPanel } from './MultiPanel.tsx';
import { useTurnKeys } from './useTurnKeys.ts';
import { takeFieldFocus } from './fieldFocus.ts';

interface PanelProps {
  model: SelectionModel;
  summary: PhotoSummary | undefined;
  total: number;
  onOpenLarge(): void;
}

export function SelectionPanel({ model, summary, total, onOpenLarge, onError }: PanelProps & { onError(message: string): void }) {
  // Ctrl+] / Ctrl+[ turn what the grid has selected now, not what the panel shows yet.
  useTurnKeys(model.selection, model.count, onError);
  // The panel follows the selection a render behind the grid: a key press draws the grid's new
  // focus at once, and the editor for the photo it lands on (a mount of every field) in a render
  // React can put off while keys keep coming. Held Page Down at 1920×1080 no longer pays for an
  // editor per press. While it is behind, the panel is inert: nothing in it can be focused or
  // typed into, so an edit never goes to the photo being left; a field asked for meanwhile
  // (Enter) is focused in the panel that catches up.
  const shown = useDeferredValue(model);
  const shownSummary = useDeferredValue(summary);
  // Behind: it still shows another photo or another selection. A new summary of the same photo
  // (its own edit saved) is not: making the panel inert then would take the focus out of the
  // field being typed in.
  const behind = shown.singleId !== model.singleId || shown.selection !== model.selection;
  useEffect(() => {
    if (!behind) takeFieldFocus();
  }, [behind]);
  return (
    <div className="panel-slot" inert={behind}>
      <PanelBody model={shown} summary={shownSummary} total={total} onOpenLarge={onOpenLarge} />
    </div>
  );
}

const PanelBody = memo(function PanelBody({ model, summary, total, onOpenLarge }: PanelProps) {
  const { t } = useTranslation('editing');
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
});
