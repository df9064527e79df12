// Asks for a folder path where there is no native folder picker (browser mode).
import { useEffect, useRef, useState } from 'react';

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
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const path = text.trim();
  return (
    <div className="overlay dim" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="folder-dialog-title"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!path || busy) return;
          setBusy(true);
          setError(null);
          const problem = await onSubmit([path]);
          setBusy(false);
          if (problem) setError(problem);
        }}
      >
        <h2 id="folder-dialog-title">Add a folder</h2>
        {message && <p className="notice">{message}</p>}
        <p className="muted">
          Type the absolute path of a folder (or of one image) on this computer. Fototar reads the photos in it and in its
          subfolders; the originals are never changed.
        </p>
        <input
          ref={input}
          type="text"
          className="text-input"
          data-testid="folder-path-input"
          aria-label="Folder path"
          placeholder="/home/me/Pictures/fortepan"
          value={text}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
        />
        {error && (
          <p className="field-error" role="alert" data-testid="folder-path-error">
            {error}
          </p>
        )}
        <div className="button-row end">
          <button type="button" className="button ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" data-testid="folder-path-submit" disabled={!path || busy}>
            {busy ? 'Adding…' : 'Add'}
          </button>
        </div>
      </form>
    </div>
  );
}
