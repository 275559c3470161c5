/**
 * The figures a reviewer looks at first, read from a report's statutory tables: 新收申请, the shares
 * of 予以公开 and 部分公开 among the applications decided, and the 行政复议 and 行政诉讼 cases.
 * The 2008 统计表 gives them as 收到申请数, 同意公开答复数 and 同意部分公开答复数 of 申请答复数,
 * 行政复议数量 and 行政诉讼数量.
 */
import type { BoundReport, BoundTable } from '../engine/bind';
import { toNumber } from '../engine/values';
import { isNumber } from './cells';

export interface KeyFigures {
  /** 一、本年新收政府信息公开申请数量, 总计. */
  received?: number;
  /** （一）予以公开 ÷ （七）总计, between 0 and 1. */
  disclosedShare?: number;
  /** （二）部分公开 ÷ （七）总计, between 0 and 1. */
  partlyShare?: number;
  /** 行政复议, 总计. */
  review?: number;
  /** 行政诉讼: 未经复议直接起诉 总计 + 复议后起诉 总计. */
  litigation?: number;
}

/** Where each figure stands in a format's tables: [table, row, column]. */
type Place = readonly [table: string, row: string, column: string];

const PLACES: Record<'2008' | 'current', Record<'received' | 'disclosed' | 'partly' | 'decided' | 'review', Place> & { litigation: Place[] }> = {
  '2008': {
    received: ['statistics', 'requests.received', 'value'],
    disclosed: ['statistics', 'requests.agreed', 'value'],
    partly: ['statistics', 'requests.partly', 'value'],
    decided: ['statistics', 'requests.answered', 'value'],
    review: ['statistics', 'review', 'value'],
    litigation: [['statistics', 'litigation', 'value']],
  },
  current: {
    received: ['applications', 'new', 'total'],
    disclosed: ['applications', 'disclosed', 'total'],
    partly: ['applications', 'partly', 'total'],
    decided: ['applications', 'outcome_total', 'total'],
    review: ['review-litigation', 'cases', 'review.total'],
    litigation: [
      ['review-litigation', 'cases', 'direct.total'],
      ['review-litigation', 'cases', 'after_review.total'],
    ],
  },
};

/** The report's key figures, each only where its table gives it; undefined when none is given. */
export function keyFigures(bound: BoundReport): KeyFigures | undefined {
  const places = PLACES[bound.era.format.id === '2008' ? '2008' : 'current'];
  const value = ([table, row, column]: Place) =>
    cellNumber(
      bound.tables.find((t) => t.definition.id === table),
      row,
      column,
    );
  const decided = value(places.decided);
  const share = (count: number | undefined) => (count !== undefined && decided ? count / decided : undefined);
  const litigation = places.litigation.map(value);
  const figures: KeyFigures = {
    received: value(places.received),
    disclosedShare: share(value(places.disclosed)),
    partlyShare: share(value(places.partly)),
    review: value(places.review),
    litigation: litigation.every((n) => n !== undefined) ? litigation.reduce((a, b) => a! + b!, 0) : undefined,
  };
  const given = Object.entries(figures).filter(([, v]) => v !== undefined);
  return given.length > 0 ? (Object.fromEntries(given) as KeyFigures) : undefined;
}

function cellNumber(table: BoundTable | undefined, row: string, column: string): number | undefined {
  const cell = table?.rows.get(row)?.cells.get(column);
  return isNumber(cell) ? toNumber(cell.value) : undefined;
}
