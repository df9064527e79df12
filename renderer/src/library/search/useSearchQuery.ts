// The search field's text and the query actually run: typing runs it after a short pause, a click
// (a facet, a suggestion, Esc's clear) at once.
import { useCallback, useEffect, useState } from 'react';

const SEARCH_DEBOUNCE_MS = 150;

export function useSearchQuery() {
  const [queryText, setQueryText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    if (queryText === query) return;
    const timer = window.setTimeout(() => setQuery(queryText), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [queryText, query]);
  const runQuery = useCallback((q: string) => {
    setQueryText(q);
    setQuery(q);
  }, []);
  return { queryText, setQueryText, query, runQuery };
}
