/**
 * Fix-all: applies every preferred fix, row totals before column totals, re-checking after each
 * round until nothing is left to fix — a corrected row total can change the column total above it.
 * A round may add a finding that a later one fixes (a corrected row total makes the 勾稽关系 of its
 * column break until the column total is corrected too); fix-all ends on the last text that has no
 * finding the original lacks (the blank cells of rows and tables it inserts, left for the user to
 * fill, excepted), and the fixes after which one stayed added are held back and the rest applied
 * again. What was changed is listed, for the user to see and undo.
 */
import { applyEdits, lineStarts, offsetAt, type TextEdit } from '../engine/edits';
import { analyzeAll, type CheckOptions } from './index';
import { say, type Finding, type Fix, type Locale } from './types';

const MAX_ROUNDS = 10;
/** Runs of fix-all, each holding back the fixes after which a finding stayed added. */
const MAX_RETRIES = 5;
/** Findings fix-all may add: the blanks of what it inserts, to be filled in by the user. */
const MAY_ADD = new Set(['table.empty-cell']);

/** One fix fix-all made: the finding's rule, the fix's title and each text it replaced. */
export interface AppliedFix {
  code: string;
  title: string;
  changes: { before: string; after: string }[];
}

export interface FixAllResult {
  text: string;
  applied: AppliedFix[];
  /** The edits of each round, in order: each applies to the text the round before left. */
  rounds: TextEdit[][];
}

export function fixAll(text: string, options: CheckOptions = {}): FixAllResult {
  const initial = analyzeAll(text, options).findings;
  const held = new Set<string>();
  let attempt = fixRounds(text, initial, held, options);
  // A fix after which some finding stays added is held back, and fix-all runs again without it.
  for (let retry = 0; retry < MAX_RETRIES && attempt.culprits.length > 0; retry++) {
    for (const fix of attempt.culprits) held.add(fixKey(fix));
    attempt = fixRounds(text, initial, held, options);
  }
  return attempt.clean;
}

/**
 * Rounds of fixes not `held` back, from the text: the last result with no finding the original lacks
 * (`clean`), and when the rounds end on one that has, the fixes to hold back (`culprits`): those
 * applied since that add a finding by themselves, else all of them.
 */
function fixRounds(text: string, initial: Finding[], held: Set<string>, options: CheckOptions): { clean: FixAllResult; culprits: Candidate[] } {
  let current = text;
  let findings = initial;
  const applied: AppliedFix[] = [];
  const rounds: TextEdit[][] = [];
  let clean: FixAllResult = { text, applied: [], rounds: [] };
  let sinceClean: { fix: Candidate; text: string; findings: Finding[] }[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = fixRound(current, options, findings, held);
    if (!next) break;
    for (const fix of next.fixes) {
      applied.push(describeFix(current, fix));
      sinceClean.push({ fix, text: current, findings });
    }
    rounds.push(next.edits);
    current = next.result;
    findings = next.findings;
    if (addedFindings(initial, findings).length === 0) {
      clean = { text: current, applied: [...applied], rounds: [...rounds] };
      sinceClean = [];
    }
  }
  const adding = sinceClean.filter((s) => addedFindings(s.findings, analyzeAll(applyEdits(s.text, s.fix.edits), options).findings).length > 0);
  return { clean, culprits: (adding.length > 0 ? adding : sinceClean).map((s) => s.fix) };
}

/** A fix by what it does, the same in every round: its rule, title and new texts. */
function fixKey(fix: Candidate): string {
  return JSON.stringify([fix.code, fix.title, fix.edits.map((e) => e.newText)]);
}

interface Candidate extends Fix {
  code: string;
}

/**
 * One round of fix-all: the preferred fixes of the lowest order that changes anything, with the text
 * and findings they give; undefined when no preferred fix changes the text. A fix that changes nothing
 * never holds back the fixes of a later order.
 */
function fixRound(
  text: string,
  options: CheckOptions = {},
  findings = analyzeAll(text, options).findings,
  held: ReadonlySet<string> = new Set(),
): Round | undefined {
  const byOrder = new Map<number, Candidate[]>();
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      const candidate = { ...fix, code: finding.code };
      if (!fix.preferred || held.has(fixKey(candidate))) continue;
      const order = fix.order ?? 0;
      byOrder.set(order, [...(byOrder.get(order) ?? []), candidate]);
    }
  }
  for (const order of [...byOrder.keys()].sort((a, b) => a - b)) {
    const fixes = byOrder.get(order)!;
    const edits = fixes.flatMap((f) => f.edits);
    const result = applyEdits(text, edits);
    if (result !== text)
      return { fixes: fixes.filter((f) => applyEdits(text, f.edits) !== text), edits, result, findings: analyzeAll(result, options).findings };
  }
  return undefined;
}

interface Round {
  fixes: Candidate[];
  edits: TextEdit[];
  result: string;
  /** The findings of the result. */
  findings: Finding[];
}

/** The findings of `after` that `before` has not, by id: what each is about, whatever its values and wherever edits have moved it. */
function addedFindings(before: Finding[], after: Finding[]): Finding[] {
  const known = new Set(before.map((f) => f.data.id));
  return after.filter((f) => !MAY_ADD.has(f.code) && !known.has(f.data.id));
}

function describeFix(text: string, fix: Candidate): AppliedFix {
  const starts = lineStarts(text);
  return {
    code: fix.code,
    title: fix.title,
    changes: fix.edits.map((e) => ({ before: text.slice(offsetAt(starts, text, e.range.start), offsetAt(starts, text, e.range.end)), after: e.newText })),
  };
}

/** An applied fix in a line, for the user: its title, and what it replaced where that is a short value (20 → 26). */
export function appliedFixText(fix: AppliedFix, locale: Locale): string {
  const replaced = fix.changes.filter((c) => c.before !== '' && !/[\r\n]/.test(c.before + c.after) && c.before.length <= 40);
  if (replaced.length === 0) return fix.title;
  const list = replaced.map((c) => `${c.before} → ${c.after}`).join(say(locale, '，', ', '));
  return say(locale, `${fix.title}（${list}）`, `${fix.title} (${list})`);
}
