/**
 * Fix-all: applies every preferred fix, row totals before column totals, re-checking after each
 * round until nothing is left to fix — a corrected row total can change the column total above it.
 */
import { applyEdits, type TextEdit } from '../engine/edits';
import { analyzeAll, type CheckOptions } from './index';

const MAX_ROUNDS = 10;

export function fixAll(text: string, options: CheckOptions = {}): string {
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = fixRound(current, options);
    if (!next) break;
    current = next.result;
  }
  return current;
}

/**
 * One round of fix-all: the preferred fixes of the lowest order that changes anything, with the text
 * they give; undefined when no preferred fix changes the text. A fix that changes nothing never
 * holds back the fixes of a later order.
 */
export function fixRound(text: string, options: CheckOptions = {}): { edits: TextEdit[]; result: string } | undefined {
  const byOrder = new Map<number, TextEdit[]>();
  for (const finding of analyzeAll(text, options).findings) {
    for (const fix of finding.fixes) {
      if (!fix.preferred) continue;
      const order = fix.order ?? 0;
      const edits = byOrder.get(order) ?? [];
      for (const edit of fix.edits) edits.push(edit);
      byOrder.set(order, edits);
    }
  }
  for (const order of [...byOrder.keys()].sort((a, b) => a - b)) {
    const edits = byOrder.get(order)!;
    const result = applyEdits(text, edits);
    if (result !== text) return { edits, result };
  }
  return undefined;
}
