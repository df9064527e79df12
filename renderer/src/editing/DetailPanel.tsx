// The right-hand panel for one photo: preview, credit, facts and the editor.
import { useEffect, useState } from 'react';
import type { Photo, PhotoSummary } from '../../../shared/types.ts';
import { effectiveLicence } from '../../../shared/credit.ts';
import { api, bridge } from '../common/bridge.ts';
import { baseName, formatIsoDate, photoTitle } from '../common/labels.ts';
import { useCopy } from '../common/useCopied.ts';
import { Editor } from './Editor.tsx';
import { SidecarActions } from './SidecarActions.tsx';
import { RelinkForm } from './RelinkForm.tsx';

export function usePhoto(
  id: number | null,
  reloadKey: number,
): { photo: Photo | null; error: string | null; setPhoto(p: Photo): void; version: number } {
  const [photo, setPhoto] = useState<Photo | null>(null);
  // Counts loads from the catalogue (not saves from this editor): after an undo the editor's
  // fields start again from what was loaded.
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (id === null) {
      setPhoto(null);
      return;
    }
    let live = true;
    setError(null);
    api.getPhoto({ id }).then(
      (p) => {
        if (!live) return;
        setPhoto(p);
        setVersion((v) => v + 1);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [id, reloadKey]);
  return { photo: photo && photo.id === id ? photo : null, error, setPhoto, version };
}

export function DetailPanel({
  id,
  summary,
  reloadKey,
  onSaved,
  onOpenLarge,
}: {
  id: number;
  summary: PhotoSummary | undefined;
  reloadKey: number;
  onSaved(photo: Photo): void;
  onOpenLarge(): void;
}) {
  const { photo, error, setPhoto, version } = usePhoto(id, reloadKey);
  const [copyState, copy] = useCopy();

  const thumbVersion = summary?.thumbVersion ?? photo?.thumbVersion ?? '';
  const previewError = photo?.previewError ?? summary?.previewError ?? null;
  const title = photo ? photoTitle(photo) : summary ? photoTitle(summary) : '';
  const credit = photo?.credit ?? summary?.credit ?? '';

  const handleSaved = (updated: Photo) => {
    setPhoto(updated);
    onSaved(updated);
  };

  return (
    <aside className="detail" data-testid="detail" aria-label="Photo details">
      <div className="detail-preview" onDoubleClick={onOpenLarge}>
        {previewError ? (
          <div className="no-preview large">
            <span className="no-preview-label">no preview</span>
            <span className="no-preview-reason">{previewError}</span>
          </div>
        ) : (
          <img key={`${id}:${thumbVersion}`} src={bridge.imageUrl(id, 'preview', thumbVersion)} alt={title} draggable={false} />
        )}
        {(photo?.missing ?? summary?.missing) && <span className="badge badge-missing">missing</span>}
      </div>

      <div className="detail-body">
        <h2 className="detail-title">{title}</h2>

        <section className="credit-box" aria-label="Credit">
          <div className="credit-row">
            <span className="credit-line" data-testid="credit-line">
              {credit || <em className="muted">No credit recorded: add a donor or photographer</em>}
            </span>
            <button
              type="button"
              className="button small"
              data-testid="copy-credit"
              disabled={!credit}
              onClick={() => copy(credit)}
            >
              {copyState === 'copied' ? 'Copied' : 'Copy credit'}
            </button>
          </div>
          {copyState !== 'idle' && copyState !== 'copied' && <div className="field-error">{copyState}</div>}
        </section>

        {error && <div className="error-box">{error}</div>}

        {photo && (
          <>
            <dl className="facts">
              <Fact label="Licence" value={effectiveLicence(photo)} />
              <Fact label="Fortepan" value={photo.fortepanId !== null ? `Fortepan ${photo.fortepanId}` : ''} />
              <Fact label="File" value={photo.file} title={baseName(photo.file)} mono />
              <Fact label="Duplicate of" value={photo.duplicateOf !== null ? `photo ${photo.duplicateOf} (identical file)` : ''} />
              <Fact label="Size" value={photo.width && photo.height ? `${photo.width} × ${photo.height}${photo.format ? ` · ${photo.format.toUpperCase()}` : ''}` : photo.format?.toUpperCase() ?? ''} />
              <Fact label="Camera" value={photo.camera ?? ''} />
              <Fact label="Taken" value={formatIsoDate(photo.takenAt)} />
              <Fact label="Digitised" value={formatIsoDate(photo.digitizedAt)} />
              <Fact
                label="GPS"
                value={photo.gps ? `${photo.gps.lat.toFixed(5)}, ${photo.gps.lon.toFixed(5)}${photo.gps.alt !== null ? ` · ${Math.round(photo.gps.alt)} m` : ''}` : ''}
              />
              <Fact label="Embedded credit" value={photo.embeddedCredit} />
              <Fact label="Copyright" value={photo.copyright} />
            </dl>
            {photo.missing && <RelinkForm key={`relink-${photo.id}`} photo={photo} onRelinked={handleSaved} />}
            <Editor key={`${photo.id}:${version}`} photo={photo} onSaved={handleSaved} />
            <SidecarActions ids={[photo.id]} />
          </>
        )}
        {!photo && !error && <div className="detail-loading">Loading…</div>}
      </div>
    </aside>
  );
}

function Fact({ label, value, mono, title }: { label: string; value: string; mono?: boolean; title?: string }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined} title={title ? value : undefined}>
        {value}
      </dd>
    </>
  );
}
