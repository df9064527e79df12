// The folder filter as text in the search box: clicking a folder in the tree puts
// `folder:"<path>"` in place of any folder filter the query had, so it combines with the words,
// facets and years already there and a smart collection keeps it (shared/searchQuery.ts reads it).
import { parseSearchQuery } from './searchQuery.ts';
import { folderKey, folderPathOfKey } from './folderPath.ts';

/** A folder clause in either language, negated or not, quoted or not. */
const FOLDER_CLAUSE = /(^|\s)-?(?:folder|mappa):(?:"[^"]*"?|\S*)/giu;

/** The query with `path` as its one folder filter (null: with none), the rest kept as typed. */
export function withFolderFilter(query: string, path: string | null): string {
  const rest = query.replace(FOLDER_CLAUSE, ' ').replace(/\s+/g, ' ').trim();
  if (path === null) return rest;
  const clause = `folder:"${folderPathOfKey(folderKey(path))}"`;
  // Ends in a space: the last word of a query is matched as a prefix while typing.
  return rest ? `${rest} ${clause} ` : `${clause} `;
}

/** The folder key the query filters to (its first folder filter not negated), or null. */
export function folderFilterOf(query: string): string | null {
  const parsed = parseSearchQuery(query);
  if (!parsed.ok) return null;
  for (const clause of parsed.clauses) if (clause.kind === 'folder' && !clause.negated) return clause.key;
  return null;
}
