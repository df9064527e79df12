// How the grid, a search's results and the metadata export are ordered: one field and a
// direction, remembered per catalogue. Text sorts as Hungarian (shared/sortKey.ts: "2 éves"
// before "10 éves", "cs" after "c"); a photo without the value (undated, no donor…) comes last in
// both directions; ties are broken by the photo's id in the chosen direction.

/** What the command line and the API call each order. `id` is the Fortepan number. */
export const SORT_FIELDS = ['date', 'id', 'title', 'donor', 'photographer', 'place', 'added', 'file'] as const;
export type SortField = (typeof SORT_FIELDS)[number];

/**
 * `relevance`: a search's own ranking (best match first), as searches always were; with no
 * search, the order photos were added.
 */
export const SORT_CHOICES = ['relevance', ...SORT_FIELDS] as const;
export type SortChoice = (typeof SORT_CHOICES)[number];

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export interface PhotoSort {
  field: SortChoice;
  direction: SortDirection;
}

/** What a catalogue that never chose starts with: the order it always had. */
export const DEFAULT_SORT: PhotoSort = { field: 'relevance', direction: 'asc' };

export function isSortChoice(value: unknown): value is SortChoice {
  return typeof value === 'string' && (SORT_CHOICES as readonly string[]).includes(value);
}

/** The sort a stored or sent value means; anything unknown is the default. */
export function readSort(value: unknown): PhotoSort {
  if (typeof value !== 'object' || value === null) return DEFAULT_SORT;
  const { field, direction } = value as { field?: unknown; direction?: unknown };
  if (!isSortChoice(field)) return DEFAULT_SORT;
  return { field, direction: direction === 'desc' ? 'desc' : 'asc' };
}

/** Without a search, relevance means the order photos were added. */
export function browseSort(sort: PhotoSort): { field: SortField; direction: SortDirection } {
  return sort.field === 'relevance' ? { field: 'added', direction: 'asc' } : { field: sort.field, direction: sort.direction };
}
