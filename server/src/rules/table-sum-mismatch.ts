/**
 * table.sum-mismatch — a total differs from the sum of what it totals: the 总计 column of table
 * 三 on every row (A2), row （七）总计 in every column (A3), each block's 总计 in table 四 (A4),
 * and the parent indicators of the 2008 统计表 (P1–P7). A rule runs only where every cell it
 * needs holds a number: a blank is never taken for 0.
 *
 * The fix is preferred (fix-all applies it) only when nothing contradicts it: every other relation
 * reading the total (its other sum, for a grand total; the 勾稽关系 of its column; a 其中 item)
 * must still hold once the fixes are made — else the total may well be right and an addend wrong —
 * and a column total must not count a row with a blank cell, whose numbers may stand in the wrong columns.
 */
import type { BoundCell, BoundTable } from '../engine/bind';
import { formatAmount, sameValue, sum, toNumber, type Amount } from '../engine/values';
import { cellName, isNumber, numberRange, rowLabel, termName, written, type NumberCell } from './cells';
import { brokenRelationText, evaluate, reads, relationsOf, sideValue, writtenValues, type Evaluation, type Relation, type Valuation } from './relations';
import { say, type RuleFinding, type Locale, type ReportRule } from './types';

/** Addends listed one by one in a message before the zeros are summarised. */
const LISTED_TERMS = 8;
/** Rounds of withdrawing the corrections that break a relation, and of passing corrected totals on to the totals above them. */
const MAX_ROUNDS = 8;

export const tableSumMismatch: ReportRule = {
  code: 'table.sum-mismatch',
  defaultSeverity: 'error',
  fixable: 'preferred',
  formats: ['2008', '2019', '2021'],
  scope: 'report',
  description: {
    'zh-cn': '合计数与其各分项之和不符',
    en: 'A total differs from the sum of what it totals',
  },
  docs: {
    finds:
      'a total that differs from the sum of what it totals: 总计 of every row of table 三 (自然人 + the five 法人或其他组织 columns); （七）总计 in every column (（一）+（二）+（三）1–8 +（四）1–3 +（五）1–5 +（六）, or （六）1–3 in the 2021 format); 总计 of each 行政复议/行政诉讼 block of table 四; the parent indicators of the 2008 统计表 (收到申请数, 申请办结数, 申请答复数, 不同意公开答复数, 行政复议数量, 行政诉讼数量, 从事…人员数)',
    fix: "replace the total with the computed sum — preferred (fix-all applies it) only when every other relation reading that cell still holds once the fixes are made: the grand total's other sum, the 勾稽关系 of its column, a 其中 item; otherwise offered, not preferred, and the message says which figures disagree (「但改为 26 后，「自然人」列勾稽关系（一 + 二 = 20，三 + 四 = 26）将不成立，而现有的 20 与之相符，有误的可能是分项」). Not preferred either for a column total counting a row with a blank cell",
  },
  check({ bound, locale }) {
    return bound.tables.flatMap((table) => mismatchesOf(table, locale));
  },
};

/** A total whose cell and addends all hold numbers, with what the addends add up to. */
interface Checked {
  relation: Relation;
  cell: NumberCell;
  terms: { id: string; cell: NumberCell }[];
  expected: Amount;
}

/** A relation reading the corrected cell that would no longer hold, and how it would stand. */
interface Conflict {
  relation: Relation;
  after: Evaluation;
  /** The relation holds with the total as written: the addends, not the total, may be what is wrong. */
  holdsAsWritten: boolean;
}

function mismatchesOf(table: BoundTable, locale: Locale): RuleFinding[] {
  const relations = relationsOf(table);
  const wrong = relations.flatMap((relation) => {
    const checked = relation.rule.type === 'sum' ? checkedTotal(relation) : undefined;
    return checked && !sameValue(checked.expected, checked.cell.value) ? [checked] : [];
  });
  const suspects = new Map(wrong.map((c) => [c, c.relation.rule.type === 'sum' && c.relation.rule.across === 'rows' ? rowsWithBlanks(table, c) : []]));
  const conflicts = conflictsOf(
    wrong.filter((c) => suspects.get(c)!.length === 0),
    relations,
  );
  return wrong.map((c) => mismatch(table, c, conflicts.get(c), suspects.get(c)!, locale));
}

/** The total of a sum relation with its sum; undefined unless the total and every addend hold a number. */
function checkedTotal(relation: Relation): Checked | undefined {
  const [total] = relation.left;
  if (!isNumber(total.cell)) return undefined;
  const terms: Checked['terms'] = [];
  for (const { id, cell } of relation.right) {
    if (!isNumber(cell)) return undefined;
    terms.push({ id, cell });
  }
  return { relation, cell: total.cell, terms, expected: sum(terms.map((t) => t.cell.value)) };
}

/** The addend rows of a column's total that have a blank cell: their numbers may have slipped into the wrong columns. */
function rowsWithBlanks(table: BoundTable, checked: Checked): string[] {
  return checked.terms.flatMap(({ id }) => {
    const row = table.rows.get(id);
    return row && [...row.cells.values()].some((c) => c.value.kind === 'blank') ? [rowLabel(table, id)] : [];
  });
}

/**
 * What would go wrong if each candidate correction were made, judged as fix-all would leave the table:
 * with the other corrections made too, and every total above a corrected cell added up again (a
 * corrected row total passes on to the column total above it, so a cascade of fixes is not taken for
 * a conflict). A correction that breaks a relation reading its cell, or one of the totals so added up
 * again, is withdrawn with what it breaks, and the rest judged again without it; those left have no
 * conflict: their fixes are preferred.
 */
function conflictsOf(candidates: Checked[], relations: Relation[]): Map<Checked, Conflict[]> {
  const conflicts = new Map<Checked, Conflict[]>(candidates.map((c) => [c, []]));
  let kept = candidates;
  for (let round = 0; round < MAX_ROUNDS && kept.length > 0; round++) {
    const { corrected, derived } = correctedValues(kept, relations);
    const withdrawn = new Set<Checked>();
    for (const candidate of kept) {
      // The candidate at the value its fix writes; the others as fix-all would leave them.
      const after = valuation(corrected, candidate.cell, candidate.expected);
      const broken = relations.flatMap((relation) => {
        if (relation === candidate.relation || !(reads(relation, candidate.cell) || [...derived].some((cell) => reads(relation, cell)))) return [];
        const evaluation = evaluate(relation, after);
        return evaluation && !evaluation.holds ? [{ relation, after: evaluation, holdsAsWritten: evaluate(relation)?.holds ?? false }] : [];
      });
      if (broken.length === 0) continue;
      conflicts.set(candidate, broken);
      withdrawn.add(candidate);
    }
    if (withdrawn.size === 0) break;
    kept = kept.filter((c) => !withdrawn.has(c));
  }
  return conflicts;
}

/**
 * The values the kept corrections give their cells, each recomputed from its addends as corrected, and
 * the totals above a changed cell added up again (`derived`), until nothing changes.
 */
function correctedValues(kept: Checked[], relations: Relation[]): { corrected: Map<BoundCell, Amount>; derived: Set<BoundCell> } {
  const corrected = new Map<BoundCell, Amount>(kept.map((c) => [c.cell, c.expected]));
  const own = new Map<BoundCell, Relation>(kept.map((c) => [c.cell, c.relation]));
  const derived = new Set<BoundCell>();
  const valueOf: Valuation = (cell) => corrected.get(cell) ?? writtenValues(cell);
  for (let pass = 0; pass < MAX_ROUNDS; pass++) {
    let changed = false;
    for (const relation of relations) {
      const total = relation.left[0].cell;
      if (relation.rule.type !== 'sum' || !total) continue;
      // A kept correction is added up by its own relation only; another total, once an addend has changed.
      if (own.has(total) ? own.get(total) !== relation : !relation.right.some((t) => t.cell && corrected.has(t.cell))) continue;
      const value = sideValue(relation.right, valueOf);
      if (!value || (corrected.has(total) && sameValue(value, corrected.get(total)!))) continue;
      if (!own.has(total)) derived.add(total);
      corrected.set(total, value);
      changed = true;
    }
    if (!changed) break;
  }
  return { corrected, derived };
}

/** The cells' values once the corrections are made, with `cell` at `value`. */
function valuation(corrected: Map<BoundCell, Amount>, cell: BoundCell, value: Amount): Valuation {
  return (c) => (c === cell ? value : (corrected.get(c) ?? writtenValues(c)));
}

/**
 * The finding of a wrong total; its fix is preferred unless a relation reading the total would break
 * (`conflicts`) or the total counts rows with blank cells (`suspects`); undefined conflicts: not judged.
 */
function mismatch(table: BoundTable, checked: Checked, conflicts: Conflict[] | undefined, suspects: string[], locale: Locale): RuleFinding {
  const { relation, cell, terms, expected } = checked;
  const row = relation.row ?? table.rows.get(relation.left[0].id)!;
  const name = cellName(table, row, cell.column, locale);
  const decimals = Math.max(expected.decimals, cell.value.decimals);
  const expectedText = formatAmount(expected, decimals);
  const actualText = written(cell);
  const nonZero = terms.filter((t) => t.cell.value.units !== 0n);
  const shown = nonZero.slice(0, LISTED_TERMS);
  const hidden = nonZero.slice(LISTED_TERMS);
  const zeros = terms.length - nonZero.length;
  let listed = shown.map((t) => `${termName(table, t.id)} ${written(t.cell)}`).join(' + ');
  if (hidden.length > 0) {
    const hiddenSum = formatAmount(sum(hidden.map((t) => t.cell.value)), decimals);
    listed += say(locale, ` + 另 ${hidden.length} 项共 ${hiddenSum}`, ` + ${hidden.length} more totalling ${hiddenSum}`);
  }
  if (zeros > 0) listed += say(locale, `${listed ? '，' : ''}其余 ${zeros} 项为 0`, `${listed ? ', ' : ''}${zeros} more are 0`);
  let message = say(
    locale,
    `${name}应为 ${expectedText}，实为 ${actualText}（${listed}）。`,
    `${name} should be ${expectedText} but is ${actualText} (${listed}).`,
  );
  if (conflicts && conflicts.length > 0) {
    const broken = conflicts.map((c) => brokenRelationText(table, c.relation, c.after, locale));
    const addendsSuspect = conflicts.some((c) => c.holdsAsWritten);
    message += say(
      locale,
      `但改为 ${expectedText} 后，${broken.join('、')}将不成立${addendsSuspect ? `，而现有的 ${actualText} 与之相符，有误的可能是分项` : ''}。`,
      ` But with ${expectedText}, ${broken.join(' and ')} would not hold${addendsSuspect ? `, while ${actualText} as written does: the addends may be what is wrong` : ''}.`,
    );
  }
  if (suspects.length > 0) {
    const rows = suspects.map((r) => `「${r}」`);
    message += say(
      locale,
      `${rows.join('、')}有空白单元格，其数字可能错列。`,
      ` ${rows.join(', ')} ${rows.length > 1 ? 'have blank cells: their' : 'has blank cells: its'} numbers may stand in the wrong columns.`,
    );
  }
  const preferred = conflicts?.length === 0 && suspects.length === 0;
  if (!preferred) message += say(locale, '请核对；「全部修正」不改此处。', ' Check them: fix all leaves this total alone.');
  return {
    range: cell.range,
    message,
    // Only the addends that carry a value: the zeros are summed up in the message.
    related: nonZero.map((t) => ({ range: t.cell.range, message: `${termName(table, t.id)} ${t.cell.cell!.text}` })),
    data: {
      rule: relation.rule.id,
      table: table.definition.id,
      row: row.definition.id,
      column: cell.column.id,
      expected: toNumber(expected),
      actual: toNumber(cell.value),
      decimals,
    },
    fixes: [
      {
        title: say(locale, `将${name}改为 ${expectedText}`, `Change ${name} to ${expectedText}`),
        edits: [{ range: numberRange(cell), newText: expectedText }],
        preferred,
        order: relation.rule.type === 'sum' && relation.rule.across === 'columns' ? 0 : 1,
      },
    ],
  };
}
