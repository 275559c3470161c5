/**
 * Fix-all: applies every preferred fix, row totals before column totals, re-checking after each
 * round until nothing is left to fix — a corrected row total can change the column total above it.
 */
import { applyEdits } from '../engine/edits';
import { checkText, type CheckOptions } from './index';
import type { Fix } from './types';

const MAX_ROUNDS = 10;

export function fixAll(text: string, options: CheckOptions = {}): string {
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const fixes = checkText(current, options).flatMap((f) => f.fixes.filter((x) => x.preferred));
    if (fixes.length === 0) break;
    const first = Math.min(...fixes.map(orderOf));
    const next = applyEdits(
      current,
      fixes.filter((x) => orderOf(x) === first).flatMap((x) => x.edits),
    );
    if (next === current) break;
    current = next;
  }
  return current;
}

const orderOf = (fix: Fix) => fix.order ?? 0;
