import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guardWith } from '../../server/src/lsp/guard';

test('a failing handler is logged and answers its fallback', async () => {
  const logged: string[] = [];
  const guard = guardWith({ error: (m) => logged.push(m) });
  const failing = guard('documentSymbol', [], (_: unknown): string[] => {
    throw new Error('boom');
  });
  assert.deepEqual(await failing({}), []);
  assert.match(logged[0], /^govreport: documentSymbol failed: Error: boom/);
});

test('a rejected promise is caught too, and a working handler passes its result through', async () => {
  const logged: string[] = [];
  const guard = guardWith({ error: (m) => logged.push(m) });
  assert.equal(await guard('a', 'empty', async () => Promise.reject(new Error('late')))({}), 'empty');
  assert.equal(await guard('b', 'empty', () => 'ok')({}), 'ok');
  assert.equal(logged.length, 1);
});
