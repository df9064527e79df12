// Relinking a moved folder: where is it now? The desktop app asks the system's folder picker;
// browser mode the folder browser (ingest/FolderBrowser.tsx). The folder is recorded as chosen
// (the catalogue reads only chosen folders), then every photo is found there by its content
// (api.relinkFolder); the report says how many were relinked and how many not found.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FolderNode } from '../../../shared/folderTree.ts';
import { api } from '../common/bridge.ts';
import { errorText } from '../common/errorText.ts';
import { FolderBrowser } from '../ingest/FolderBrowser.tsx';

export function RelinkFolder({ folder, onClose, onRelinked }: { folder: FolderNode; onClose(): void; onRelinked(report: string, to: string): void }) {
  const { t } = useTranslation('collections');
  const [browse, setBrowse] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const asked = useRef(false);

  const relink = async (chosen: string): Promise<string | null> => {
    try {
      const { path: to } = await api.chooseFolder({ path: chosen, purpose: 'ingest' });
      const report = await api.relinkFolder({ from: folder.path, to });
      const notFound = report.notFound ? t('folders.notFound', { count: report.notFound }) : '';
      onRelinked(`${t('folders.relinked', { count: report.photos, relinked: report.relinked, name: folder.name })}${notFound}`, to);
      onClose();
      return null;
    } catch (e) {
      return errorText(e);
    }
  };

  // The desktop's own picker first; browser mode has none (null) and browses instead.
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    void (async () => {
      try {
        const picked = await api.chooseFolders({});
        if (picked === null) return setBrowse(true);
        if (!picked.paths.length) return onClose();
        const refused = await relink(picked.paths[0]);
        if (refused) {
          setProblem(refused);
          setBrowse(true);
        }
      } catch (e) {
        setProblem(errorText(e));
        setBrowse(true);
      }
    })();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- asks once per opening
  }, []);

  if (!browse) return null;
  return (
    <FolderBrowser
      message={problem}
      onConfirm={relink}
      onClose={onClose}
      purpose={{
        title: t('folders.relinkDialogTitle', { name: folder.name }),
        intro: t('folders.relinkIntro', { path: folder.path }),
        busy: t('folders.relinkBusy'),
        submit: (name) => (name === null ? t('folders.relinkPath') : t('folders.relinkNamed', { name })),
      }}
    />
  );
}
