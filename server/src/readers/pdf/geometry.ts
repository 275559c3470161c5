/**
 * What the PDF reader works from, as plain data: the text runs and the drawn ruling lines of each
 * page, in points, measured from the page's top-left corner (y grows downwards).
 */

/** A piece of text as the PDF placed it: its box, and its font size. */
export interface TextRun {
  text: string;
  x: number;
  /** Top of the box. */
  y: number;
  width: number;
  height: number;
  /** The font size (for vertical text, the width of its column). */
  size: number;
}

/** A drawn horizontal (y0 = y1) or vertical (x0 = x1) line, with x0 ≤ x1 and y0 ≤ y1. */
export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageContent {
  /** Counted from 1. */
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
  rules: Rule[];
}

export const isHorizontal = (rule: Rule): boolean => rule.y1 - rule.y0 < rule.x1 - rule.x0;

export const centerX = (box: { x: number; width: number }): number => box.x + box.width / 2;
export const centerY = (box: { y: number; height: number }): number => box.y + box.height / 2;

/**
 * Groups sorted numbers into clusters whose neighbours lie within `tolerance`; returns each
 * cluster's mean. Used for column and row boundaries drawn a fraction of a point apart.
 */
export function clusterValues(values: readonly number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const means: number[] = [];
  let group: number[] = [];
  for (const value of sorted) {
    if (group.length > 0 && value - group[group.length - 1] > tolerance) {
      means.push(mean(group));
      group = [];
    }
    group.push(value);
  }
  if (group.length > 0) means.push(mean(group));
  return means;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** The index of the interval [bounds[i], bounds[i+1]) that holds `value`, or -1 outside them all. */
export function intervalIndex(bounds: readonly number[], value: number): number {
  for (let i = 0; i + 1 < bounds.length; i++) if (value >= bounds[i] && value < bounds[i + 1]) return i;
  return -1;
}

/** The index of the value nearest to `value` (the first of equals). */
export function nearestIndex(values: readonly number[], value: number): number {
  let best = 0;
  values.forEach((v, i) => {
    if (Math.abs(v - value) < Math.abs(values[best] - value)) best = i;
  });
  return best;
}
