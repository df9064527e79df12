// The right-hand panel when several photos are selected: their credit list, to copy.
import { useEffect, useState } from 'react';
import type { CreditFormat, Photo } from '../../../shared/types.ts';
import { api } from '../common/bridge.ts';
import { numberFormat } from '../common/labels.ts';
import { useCopy } from '../common/useCopied.ts';
import { BatchEditor } from './BatchEditor.tsx';
import { SidecarActions } from './SidecarActions.tsx';

export function MultiPanel({ ids, reloadKey = 0, onSaved }: { ids: number[]; reloadKey?: number; onSaved?(photos: Photo[]): void }) {
  const [format, setFormat] = useState<CreditFormat>('txt');
  const [preview, setPreview] = useState<{ key: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copyState, copy] = useCopy();
  const [copiedFormat, setCopiedFormat] = useState<CreditFormat | null>(null);
  const key = `${format}:${ids.join(',')}`;

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      api.creditList({ ids, format }).then(
        (r) => {
          if (!live) return;
          setPreview({ key, text: r.text });
          setError(null);
        },
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    }, 120);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [key, reloadKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const copyList = async (f: CreditFormat) => {
    setCopiedFormat(f);
    try {
      const text = preview && preview.key === `${f}:${ids.join(',')}` ? preview.text : (await api.creditList({ ids, format: f })).text;
      copy(text);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <aside className="detail multi" data-testid="detail" aria-label="Selection">
      <div className="detail-body">
        <h2 className="detail-title" data-testid="selection-count">{numberFormat.format(ids.length)} selected</h2>
        <p className="muted">Credits for every selected photo, in grid order, ready to paste under a publication.</p>
        <div className="button-row">
          <button type="button" className="button" data-testid="copy-credits-txt" onClick={() => copyList('txt')}>
            {copyState === 'copied' && copiedFormat === 'txt' ? 'Copied' : 'Copy credits (text)'}
          </button>
          <button type="button" className="button" data-testid="copy-credits-md" onClick={() => copyList('md')}>
            {copyState === 'copied' && copiedFormat === 'md' ? 'Copied' : 'Copy credits (Markdown)'}
          </button>
        </div>
        <div className="segmented" role="tablist" aria-label="Preview format">
          <button type="button" role="tab" aria-selected={format === 'txt'} className={format === 'txt' ? 'active' : ''} onClick={() => setFormat('txt')}>
            Text
          </button>
          <button type="button" role="tab" aria-selected={format === 'md'} className={format === 'md' ? 'active' : ''} onClick={() => setFormat('md')}>
            Markdown
          </button>
        </div>
        {error && <div className="error-box">{error}</div>}
        <pre className={`credit-preview${preview?.key === key ? '' : ' stale'}`} data-testid="credit-list-preview">
          {preview?.text ?? 'Loading…'}
        </pre>
        <BatchEditor ids={ids} reloadKey={reloadKey} onSaved={(photos) => onSaved?.(photos)} />
        <SidecarActions ids={ids} />
      </div>
    </aside>
  );
}
