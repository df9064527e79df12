// One photo's marks in the detail panel, editable by mouse: each click is one undoable step
// through the batch edit path (as the keys are), and the panel shows the photo as saved when the
// photosChanged event reloads it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Photo, PhotoPatch } from '../../../../shared/types.ts';
import { api } from '../../common/bridge.ts';
import { errorText } from '../../common/errorText.ts';
import { MarksEditor } from './MarksEditor.tsx';

export function PhotoMarks({ photo }: { photo: Photo }) {
  const { t } = useTranslation('library');
  const [error, setError] = useState<string | null>(null);
  const change = (patch: PhotoPatch) => {
    setError(null);
    api.editSelection({ selection: { query: '', all: false, ids: [photo.id] }, patch }).catch((e: unknown) => setError(t('marks.notSaved', { message: errorText(e) })));
  };
  return (
    <>
      <MarksEditor marks={photo} onChange={change} />
      {error && <div className="field-error">{error}</div>}
    </>
  );
}
