import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorMessage } from '../../../shared/errorMessage.ts';

test('errorMessage: an Error gives its message, anything else its text', () => {
  assert.equal(errorMessage(new Error('disk full')), 'disk full');
  assert.equal(errorMessage(new TypeError('bad')), 'bad');
  assert.equal(errorMessage('plain text'), 'plain text');
  assert.equal(errorMessage(42), '42');
  assert.equal(errorMessage(null), 'null');
  assert.equal(errorMessage(undefined), 'undefined');
});
