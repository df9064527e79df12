// The right-hand panel for one photo: preview, credit, facts and the editor.
import { useTranslation } from 'react-i18next';
import type { Photo, PhotoSummary } from '../../../shared/types.ts';
import { effectiveLicence } from '../../../shared/credit.ts';
import { styledCredit } from '../../../shared/creditStyles.ts';
import { bridge } from '../common/bridge.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { usePhoto } from './usePhoto.ts';
import { baseName, formatIsoDate, photoTitle } from '../common/labels.ts';
import { useCopy } from '../common/useCopied.ts';
import { Editor } from './Editor.tsx';
import { SidecarActions } from './SidecarActions.tsx';
import { PhotoHistory } from './PhotoHistory.tsx';
import { RelinkForm } from './RelinkForm.tsx';
import { TurnButtons } from './TurnButtons.tsx';
import { PhotoMarks } from '../library/marks/PhotoMarks.tsx';

export function DetailPanel({ id, summary, onOpenLarge }: { id: number; summary: PhotoSummary | undefined; onOpenLarge(): void }) {
  const { t } = useTranslation('editing');
  const { photo, error, setPhoto } = usePhoto(id);
  const [copyState, copy] = useCopy();

  const thumbVersion = summary?.thumbVersion ?? photo?.thumbVersion ?? '';
  const previewError = photo?.previewError ?? summary?.previewError ?? null;
  const title = photo ? photoTitle(photo) : summary ? photoTitle(summary) : '';
  // In the UI's language ("Levéltári jelzet: …"): the stored line is English, as the CLI prints it.
  const credit = photo ? styledCredit(photo, 'fortepan', currentLanguage()) : (summary?.credit ?? '');

  const handleSaved = (updated: Photo) => setPhoto(updated);

  return (
    <aside className="detail" data-testid="detail" aria-label={t('detail.label')}>
      <div className="detail-preview" onDoubleClick={onOpenLarge}>
        {previewError ? (
          <div className="no-preview large">
            <span className="no-preview-label">{t('detail.noPreview')}</span>
            <span className="no-preview-reason">{previewError}</span>
          </div>
        ) : (
          <img key={`${id}:${thumbVersion}`} src={bridge.imageUrl(id, 'preview', thumbVersion)} alt={title} draggable={false} />
        )}
        {(photo?.missing ?? summary?.missing) && <span className="badge badge-missing">{t('detail.missing')}</span>}
      </div>

      <div className="detail-body">
        {photo?.previewWarning && (
          <p className="field-error" role="note" data-testid="preview-warning">
            {t('detail.previewIncomplete', { warning: photo.previewWarning })}
          </p>
        )}
        <h2 className="detail-title">{title}</h2>
        {!previewError && <TurnButtons target={{ ids: [id] }} />}
        {photo && <PhotoMarks photo={photo} />}

        <section className="credit-box" aria-label={t('detail.credit')}>
          <div className="credit-row">
            <span className="credit-line" data-testid="credit-line">
              {credit || <em className="muted">{t('detail.noCredit')}</em>}
            </span>
            <button
              type="button"
              className="button small"
              data-testid="copy-credit"
              disabled={!credit}
              onClick={() => copy(credit)}
            >
              {copyState === 'copied' ? t('detail.copied') : t('detail.copyCredit')}
            </button>
          </div>
          {copyState !== 'idle' && copyState !== 'copied' && <div className="field-error">{copyState}</div>}
        </section>

        {error && <div className="error-box">{error}</div>}

        {photo && (
          <>
            <dl className="facts">
              <Fact label={t('detail.facts.licence')} value={effectiveLicence(photo)} />
              <Fact label={t('detail.facts.fortepan')} value={photo.fortepanId !== null ? `Fortepan ${photo.fortepanId}` : ''} />
              <Fact label={t('detail.facts.iowa')} value={photo.iowaId ?? ''} />
              <Fact label={t('detail.facts.file')} value={photo.file} title={baseName(photo.file)} mono />
              <Fact label={t('detail.facts.duplicateOf')} value={photo.duplicateOf !== null ? t('detail.facts.duplicateValue', { id: photo.duplicateOf }) : ''} />
              <Fact
                label={t('detail.facts.size')}
                value={[photo.width && photo.height ? `${photo.width} × ${photo.height}` : '', photo.format?.toUpperCase() ?? '', photo.pageCount ? t('detail.facts.pages', { count: photo.pageCount }) : '']
                  .filter(Boolean)
                  .join(' · ')}
              />
              <Fact label={t('detail.facts.camera')} value={photo.camera ?? ''} />
              <Fact label={t('detail.facts.taken')} value={formatIsoDate(photo.takenAt)} />
              <Fact label={t('detail.facts.digitised')} value={formatIsoDate(photo.digitizedAt)} />
              <Fact
                label={t('detail.facts.gps')}
                value={photo.gps ? `${photo.gps.lat.toFixed(5)}, ${photo.gps.lon.toFixed(5)}${photo.gps.alt !== null ? ` · ${Math.round(photo.gps.alt)} m` : ''}` : ''}
              />
              <Fact label={t('detail.facts.embeddedCredit')} value={photo.embeddedCredit} />
              <Fact label={t('detail.facts.copyright')} value={photo.copyright} />
            </dl>
            {photo.missing && <RelinkForm key={`relink-${photo.id}`} photo={photo} onRelinked={handleSaved} />}
            <Editor key={photo.id} photo={photo} onSaved={handleSaved} />
            <SidecarActions ids={[photo.id]} />
            <PhotoHistory key={`history-${photo.id}`} id={photo.id} />
          </>
        )}
        {!photo && !error && <div className="detail-loading">{t('detail.loading')}</div>}
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
