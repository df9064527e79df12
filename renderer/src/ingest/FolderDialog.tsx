// Asks for a folder where there is no native folder picker (browser mode): the folder browser.
import { FolderBrowser } from './FolderBrowser.tsx';

export function FolderDialog({
  message,
  onSubmit,
  onClose,
}: {
  message: string | null;
  /** Resolves to an error message to show, or null when the ingest started. */
  onSubmit(paths: string[]): Promise<string | null>;
  onClose(): void;
}) {
  return <FolderBrowser message={message} onConfirm={(path) => onSubmit([path])} onClose={onClose} />;
}
