// A value made once per key while a cache holds it, for work that repeats over a catalogue's
// values (folding a donor's name, reading a date). Bounded: at `bound` entries the cache is
// dropped whole, not grown without end (a catalogue of unique values would fill it).
export function remembered<V>(cache: Map<string, V>, key: string, bound: number, make: (key: string) => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make(key);
    if (cache.size >= bound) cache.clear();
    cache.set(key, value);
  }
  return value;
}
