// Pick-list values for the editor: built-in licences and sources, then what the catalogue uses.
// Fetched per field once an editor mounts and refreshed after a save, so a new donor typed on
// one photo is offered on the next.
import { useState } from 'react';
import type { SuggestedField } from '../../../shared/pickLists.ts';
import type { TagCount } from '../../../shared/editHistory.ts';
import { api } from '../common/bridge.ts';
import { useLatestAnswer } from '../common/useLatestAnswer.ts';

let generation = 0;
const cache = new Map<string, { generation: number; values: Promise<string[]> }>();

/** After an edit the lists may have grown: the next editor asks again. */
export function invalidateSuggestions(): void {
  generation++;
}

export function useSuggestions(field: SuggestedField | null): string[] {
  const [values, setValues] = useState<string[]>([]);
  useLatestAnswer(
    field
      ? () => {
          let entry = cache.get(field);
          if (!entry || entry.generation !== generation) {
            entry = { generation, values: api.fieldSuggestions({ field }).then((r) => r.values, () => []) };
            cache.set(field, entry);
          }
          return entry.values;
        }
      : null,
    [field],
    { onAnswer: setValues },
  );
  return values;
}

/** Tags starting with what is typed (accents optional), most used first. */
export async function tagSuggestions(prefix: string): Promise<TagCount[]> {
  if (!prefix.trim()) return [];
  try {
    return (await api.listTags({ prefix, limit: 8 })).tags;
  } catch {
    return [];
  }
}
