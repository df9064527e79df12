// A photo's folder, as the catalogue keys it: the original's path up to and including its last
// separator ("/scans/Doboz 12/"; Windows "C:\scans\"). The store keeps it as a generated column
// with the same rule (migration 12: POSIX paths start with "/" and only "/" separates; anything
// else is a Windows path, where "\" and "/" both do), so a folder and all its subfolders are one
// index range [key, keyEnd(key)). Environment-neutral: the tree, the query language and the CLI
// share it.

/** True for a POSIX path ("/…"), a Windows drive path ("C:\…", "C:/…") or a UNC path ("\\server\…"). */
export function isAbsoluteFolder(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/** The separator a path uses: "/" for POSIX paths, "\" for Windows paths written with it. */
export function separatorOf(path: string): '/' | '\\' {
  return path.startsWith('/') || !path.includes('\\') ? '/' : '\\';
}

/** The folder key of a file: its path up to and including the last separator. */
export function folderOfFile(file: string): string {
  const posix = file.startsWith('/');
  for (let i = file.length - 1; i >= 0; i--) {
    const c = file[i];
    if (c === '/' || (!posix && c === '\\')) return file.slice(0, i + 1);
  }
  return '';
}

/** The key of a folder path as typed or clicked: trailing separators made exactly one. */
export function folderKey(path: string): string {
  const sep = separatorOf(path);
  const trimmed = sep === '/' ? path.replace(/\/+$/, '') : path.replace(/[\\/]+$/, '');
  return `${trimmed}${sep}`;
}

/** The first string after every key inside `key` (byte order): the range's exclusive end. */
export function folderKeyEnd(key: string): string {
  return key.slice(0, -1) + String.fromCharCode(key.charCodeAt(key.length - 1) + 1);
}

/** The path of a folder key as shown and typed (no trailing separator, except a root's). */
export function folderPathOfKey(key: string): string {
  const trimmed = key.slice(0, -1);
  return trimmed === '' || /^[A-Za-z]:$/.test(trimmed) ? key : trimmed;
}
