import { test } from 'node:test';
import assert from 'node:assert/strict';
import { facetClause, withClause, withYearRange } from '../../../shared/searchFacets.ts';
import { parseSearchQuery } from '../../../shared/searchQuery.ts';

test('a facet click becomes a clause the parser reads back as that field and value', () => {
  assert.equal(facetClause('donor', 'Nagy Gyula'), 'donor:"Nagy Gyula"');
  assert.equal(facetClause('tag', 'villamos'), 'tag:villamos');
  assert.equal(facetClause('place', 'Budapest "V."'), 'place:"Budapest V."');
  const parsed = parseSearchQuery(withClause('ulloi', facetClause('donor', 'Nagy Gyula')));
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.clauses[1], { kind: 'terms', field: 'donor', words: ['nagy', 'gyula'], phrase: true, negated: false, prefix: false });
});

test('a clause is added once, and the query ends in a space so the value is a whole word', () => {
  assert.equal(withClause('ulloi', 'tag:villamos'), 'ulloi tag:villamos ');
  assert.equal(withClause('ulloi tag:villamos ', 'tag:villamos'), 'ulloi tag:villamos ');
  assert.equal(withClause('', 'tag:villamos'), 'tag:villamos ');
  const parsed = parseSearchQuery(withClause('', 'tag:villamos'));
  assert.ok(parsed.ok && parsed.clauses[0].kind === 'terms' && !parsed.clauses[0].prefix);
});

test('a dragged year range replaces the query\'s year clause', () => {
  assert.equal(withYearRange('villamos', 1950, 1960), 'villamos year:1950..1960');
  assert.equal(withYearRange('villamos year:1930..1935 tag:x', 1956, 1956), 'villamos tag:x year:1956');
  assert.equal(withYearRange('', 1940, 1945), 'year:1940..1945');
});

test('a node of the tag tree becomes tag:"path", read back as that node', () => {
  assert.equal(facetClause('tag', 'Helyszín|Budapest'), 'tag:"Helyszín|Budapest"');
  const parsed = parseSearchQuery(withClause('', facetClause('tag', 'Helyszín|Budapest')));
  assert.ok(parsed.ok && parsed.clauses[0].kind === 'terms');
  assert.deepEqual(parsed.clauses[0].path, ['helyszin', 'budapest']);
});
