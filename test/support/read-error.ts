/** The ReadError a reader throws for bad input; the test fails on any other outcome. */
import assert from 'node:assert/strict';
import { ReadError } from '../../server/src/readers/model';

function asReadError(error: unknown): ReadError {
  assert.ok(error instanceof ReadError, `not a ReadError: ${String(error)}`);
  return error;
}

/** For a reader that reads synchronously (.docx, web pages). */
export function readError(read: () => unknown): ReadError {
  try {
    read();
  } catch (error) {
    return asReadError(error);
  }
  assert.fail('no ReadError thrown');
}

/** For a reader that returns a promise (.doc, PDF). */
export async function readErrorAsync(read: () => Promise<unknown>): Promise<ReadError> {
  try {
    await read();
  } catch (error) {
    return asReadError(error);
  }
  assert.fail('no ReadError thrown');
}
