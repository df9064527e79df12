// The window's modal dialogs; at most one is open at a time.
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../shared/metadataExchange.ts';
import { ImportDialog } from '../editing/ImportDialog.tsx';
import { TagManager } from '../editing/TagManager.tsx';
import { FolderDialog } from '../ingest/FolderDialog.tsx';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import { OpenCatalogueDialog } from './OpenCatalogueDialog.tsx';

export type OpenDialog = { kind: 'help' } | { kind: 'import' } | { kind: 'tags' } | { kind: 'folder'; message: string | null } | { kind: 'catalogue' };

export function Dialogs({
  dialog,
  onClose,
  onInfo,
  onAddFolders,
}: {
  dialog: OpenDialog;
  onClose(): void;
  onInfo(text: string): void;
  /** Starts an ingest; answers the problem in words (the dialog stays open), or null. */
  onAddFolders(paths: string[]): Promise<string | null>;
}) {
  const { t } = useTranslation('app');
  switch (dialog.kind) {
    case 'help':
      return <ShortcutsHelp onClose={onClose} />;
    case 'catalogue':
      // Another catalogue is open: the window loads afresh, so nothing of the one before stays.
      return <OpenCatalogueDialog onClose={onClose} onOpened={() => window.location.reload()} />;
    case 'tags':
      return <TagManager onClose={onClose} onRenamed={onInfo} />;
    case 'import':
      return (
        <ImportDialog
          onClose={onClose}
          onApplied={(result: ImportResult) => {
            onClose();
            const rejected = result.rejected.length ? t('imported.rejected', { count: result.rejected.length }) : '';
            onInfo(`${t('imported.changed', { count: result.changes.length })}${rejected}${t('imported.undo')}`);
          }}
        />
      );
    case 'folder':
      return (
        <FolderDialog
          message={dialog.message}
          onClose={onClose}
          onSubmit={async (paths) => {
            const problem = await onAddFolders(paths);
            if (!problem) onClose();
            return problem;
          }}
        />
      );
  }
}
