import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFieldLimits, escapeControlCharacters, FIELD_MAX_LENGTH, MAX_TAGS } from '../../../shared/fieldLimits.ts';

test('one function cleans and caps every field: controls out, line breaks only where a field has lines, no split surrogate pair', () => {
  const emoji = '📷';
  const checked = applyFieldLimits({
    title: `${'a'.repeat(FIELD_MAX_LENGTH.title - 1)}${emoji}`,
    caption: 'első sor\r\nmásodik\tsor\u001b[2J\u200f',
    place: 'Üllői út\n12.\u202e',
    tags: [' villamos ', 'Villamos', ...Array.from({ length: MAX_TAGS + 10 }, (_, i) => `t${i}`)],
  });
  assert.equal(checked.patch.title, 'a'.repeat(FIELD_MAX_LENGTH.title - 1), 'the pair is dropped whole, never halved');
  assert.equal(checked.patch.caption, 'első sor\r\nmásodik\tsor[2J\u200f', 'right-to-left marks are text; ESC is not');
  assert.equal(checked.patch.place, 'Üllői út 12.');
  assert.equal(checked.patch.tags!.length, MAX_TAGS);
  assert.deepEqual(checked.patch.tags!.slice(0, 2), ['villamos', 't0'], 'duplicates merge before the count');
  assert.deepEqual(checked.warnings.map((w) => w.message), [
    'title cut to 2,000 characters (it had 2,001)',
    'caption: control characters removed',
    'place: control characters removed',
    'tags cut to the first 500 (there were 511)',
  ]);
  assert.deepEqual(checked.refused, []);
});

test('a value holding U+FFFD is refused, not stored; the CLI shows controls as escapes and keeps JSON valid', () => {
  const checked = applyFieldLimits({ title: 'F\ufffdpl\ufffdb\ufffdnia', tags: ['Győr', 'T\ufffdzolt\ufffds\ufffdg'] });
  assert.equal(checked.patch.title, undefined);
  assert.deepEqual(checked.patch.tags, ['Győr']);
  assert.deepEqual(checked.refused.map((r) => r.field), ['title', 'tags']);

  const json = JSON.stringify({ title: 'a\u001b]52;c;x\u0007\u009bb\u202e\r\n' });
  const shown = escapeControlCharacters(json);
  assert.doesNotMatch(shown, /[\u0000-\u001f\u007f-\u009f\u202e]/);
  assert.deepEqual(JSON.parse(shown), JSON.parse(json));
  assert.equal(escapeControlCharacters('sor\r\nsor\rx\u001b'), 'sor\r\nsor\\u000dx\\u001b');
});

test('a hierarchical tag with an empty level is refused by name; good paths are stored normalised', () => {
  const checked = applyFieldLimits({ tags: ['Helyszín | Budapest', 'Helyszín||Budapest', 'villamos'] });
  assert.deepEqual(checked.patch.tags, ['Helyszín|Budapest', 'villamos']);
  assert.deepEqual(checked.refused.map((r) => [r.key, r.message]), [
    ['tagEmptyLevel', 'tag "Helyszín||Budapest" not stored: one of its levels is empty (a hierarchical tag is written Place|Budapest|Üllői út, with a name between each |)'],
  ]);
});
