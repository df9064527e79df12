// App.tsx only composes (issue #11: at most 250 lines); what it would grow by belongs in a hook or
// a component of its feature. It crept to 254 unnoticed once, so a test holds the line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

test('App.tsx composes the window in at most 250 lines', () => {
  const lines = fs.readFileSync(new URL('../../../../../renderer/src/app/App.tsx', import.meta.url), 'utf8').trimEnd().split('\n').length;
  assert.ok(lines <= 250, `App.tsx has ${lines} lines; move state into a hook of its feature`);
});
