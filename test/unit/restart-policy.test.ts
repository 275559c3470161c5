import { test } from 'node:test';
import assert from 'node:assert/strict';
import { restartPolicy } from '../../client/src/restart-policy';

const MINUTE = 60_000;

/** A policy on a clock the test moves; `at(t)` is the decision for a stop at minute t. */
function policyAt() {
  let now = 0;
  const stopped = restartPolicy({ now: () => now, restartMessage: 'restarted', giveUpMessage: 'given up' });
  return (minutes: number) => {
    now = minutes * MINUTE;
    return stopped();
  };
}

test('each of the first 4 stops in 3 minutes restarts the server, with the restart message', () => {
  const at = policyAt();
  for (const minute of [0, 0.5, 1, 2]) assert.deepEqual(at(minute), { restart: true, message: 'restarted' }, `stop at minute ${minute}`);
});

test('the 5th stop within 3 minutes gives up, with the give-up message', () => {
  const at = policyAt();
  for (const minute of [0, 0.5, 1, 2]) at(minute);
  assert.deepEqual(at(2.5), { restart: false, message: 'given up' });
});

test('a stop exactly 3 minutes old still counts; one a moment older does not', () => {
  const counted = policyAt();
  for (const minute of [0, 1, 2, 2.5]) counted(minute);
  assert.equal(counted(3).restart, false);
  const forgotten = policyAt();
  for (const minute of [0, 1, 2, 2.5]) forgotten(minute);
  assert.equal(forgotten(3.001).restart, true);
});

test('stops older than 3 minutes are forgotten: steady crashes every minute keep being restarted', () => {
  const at = policyAt();
  for (const minute of [0, 1, 2, 3]) assert.equal(at(minute).restart, true);
  assert.equal(at(4.001).restart, true, 'the stops at 0 and 1 are older than 3 minutes: 2, 3 and this one count');
  for (let minute = 5; minute < 60; minute += 1.01) assert.equal(at(minute).restart, true, `stop at minute ${minute}`);
});

test('a burst after a quiet spell is counted on its own', () => {
  const at = policyAt();
  for (const minute of [0, 0.1, 0.2, 0.3]) at(minute);
  for (const minute of [10, 10.1, 10.2, 10.3]) assert.equal(at(minute).restart, true, `stop at minute ${minute}`);
  assert.equal(at(10.4).restart, false);
});

test('the window and the number of stops can be set', () => {
  let now = 0;
  const stopped = restartPolicy({ now: () => now, restartMessage: 'r', giveUpMessage: 'g', maxStops: 2, windowMs: 1000 });
  assert.equal(stopped().restart, true);
  now = 1001;
  assert.equal(stopped().restart, true, 'the first stop is out of the window');
  now = 1500;
  assert.equal(stopped().restart, false);
});
