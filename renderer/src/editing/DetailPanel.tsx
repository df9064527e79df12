// The right-hand panel for one photo: preview, credit, facts and the editor.
import type { Photo, PhotoSummary } from '../../../shared/types.ts';
import { effectiveLicence } from '../../../shared/credit.ts';
import { bridge } from '../common/bridge.ts';
import { usePhoto } from './usePhoto.ts';
import { baseName, formatIsoDate, photoTitle } from '../common/labels.ts';
import { useCopy } from '../common/useCopied.ts';
import { Editor } from './Editor.tsx';
import { SidecarActions } from './SidecarActions.tsx';
import { RelinkForm } from './RelinkForm.tsx';

export function DetailPanel({ id, summary, onOpenLarge }: { id: number; summary: PhotoSummary | undefined; onOpenLarge(): void }) {
  const { photo, error, setPhoto } = usePhoto(id);
  const [copyState, copy] = useCopy();

  const thumbVersion = summary?.thumbVersion ?? photo?.thumbVersion ?? '';
  const previewError = photo?.previewError ?? summary?.previewError ?? null;
  const title = photo ? photoTitle(photo) : summary ? photoTitle(summary) : '';
  const credit = photo?.credit ?? summary?.credit ?? '';

  const handleSaved = (updated: Photo) => setPhoto(updated);

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
        {photo?.previewWarning && (
          <p className="field-error" role="note" data-testid="preview-warning">
            Preview incomplete: {photo.previewWarning}
          </p>
        )}
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
              <Fact label="Fortepan Iowa" value={photo.iowaId ?? ''} />
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
            <Editor key={photo.id} photo={photo} onSaved={handleSaved} />
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
