/**
 * pdf.js output → plain page data: text items → text runs with boxes, and the operator list →
 * the straight horizontal and vertical lines painted (table rules) and the text set in vertical
 * fonts, all in points from the page's top-left corner.
 */
import type { Rule, TextRun } from './geometry';

/** An affine transform [a, b, c, d, e, f], as PDF and pdf.js write them. */
export type Matrix = readonly number[];

/** The fields of a pdf.js text item that the reader uses. */
export interface PdfTextItem {
  str: string;
  /** 'ttb' for text set in a vertical font. */
  dir: string;
  transform: Matrix;
  width: number;
}

/** The pdf.js operator codes the operator walk follows (pdf.js's OPS has them all). */
export type Ops = Record<
  | 'save'
  | 'restore'
  | 'transform'
  | 'paintFormXObjectBegin'
  | 'paintFormXObjectEnd'
  | 'constructPath'
  | 'setStrokeRGBColor'
  | 'setFillRGBColor'
  | 'setStrokeTransparent'
  | 'setFillTransparent'
  | 'stroke'
  | 'closeStroke'
  | 'fill'
  | 'eoFill'
  | 'fillStroke'
  | 'eoFillStroke'
  | 'closeFillStroke'
  | 'closeEOFillStroke'
  | 'beginText'
  | 'setTextMatrix'
  | 'moveText'
  | 'setLeadingMoveText'
  | 'setLeading'
  | 'nextLine'
  | 'setFont'
  | 'setTextRise'
  | 'showText',
  number
>;

/** m × n: the transform that applies n, then m. */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** CJK glyphs reach about this far above and below the baseline, in font sizes. */
const ASCENT = 0.85;
const DESCENT = 0.15;

/**
 * Horizontal text items → runs with their boxes on the page; `viewport` maps PDF space to the page
 * seen from its top-left corner. (Vertical text is read from the operators: see readOperators.)
 */
export function textRuns(items: readonly PdfTextItem[], viewport: Matrix): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items) {
    if (item.dir === 'ttb' || item.str.trim() === '') continue;
    const m = multiply(viewport, item.transform);
    const along = unit(m[0], m[1]);
    const up = unit(m[2], m[3]);
    const size = Math.hypot(m[2], m[3]);
    const corners = [0, 1].flatMap((a) =>
      [-DESCENT, ASCENT].map((u) => [m[4] + (along[0] * item.width * a + up[0] * size * u), m[5] + (along[1] * item.width * a + up[1] * size * u)]),
    );
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    runs.push({ text: item.str, x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y, size });
  }
  return runs;
}

function unit(x: number, y: number): [number, number] {
  const length = Math.hypot(x, y) || 1;
  return [x / length, y / length];
}

/** A filled rectangle no thicker than this is a line drawn as a thin box (as Word and LibreOffice draw borders). */
const THIN = 2.5;
/** Shorter strokes are glyph-like marks, not rules. */
const SHORTEST = 2;
/** Along an axis within this much. */
const STRAIGHT = 0.5;

/** A glyph in a pdf.js showText operator (numbers between glyphs are spacing adjustments). */
interface Glyph {
  unicode: string;
}

export interface PageGraphics {
  /** The horizontal and vertical lines painted in a visible colour: stroked segments, and filled rectangles thin enough to be lines. */
  rules: Rule[];
  /** Text set in vertical fonts, read from the operators (see readOperators). */
  verticalRuns: TextRun[];
  /** The fonts text was drawn in. */
  textFonts: Set<string>;
}

/**
 * Walks an operator list, following the graphics and text state, for the page's ruling lines (at
 * most `ruleLimit`) and its vertical text. pdf.js's text content loses the glyphs of a vertical font
 * that stand less than its nominal size above the page's bottom edge (it tests them against the page
 * in unscaled units), and WPS sets such text at size 199 scaled by 0.05: here it is read again from
 * the showText operators.
 */
export function readOperators(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: Ops,
  viewport: Matrix,
  isVerticalFont: (name: string) => boolean,
  ruleLimit: number,
): PageGraphics {
  const rules: Rule[] = [];
  const vertical = new VerticalText();
  const textFonts = new Set<string>();
  let state = { ctm: viewport, stroke: true, fill: true, font: '', fontSize: 0, leading: 0, rise: 0 };
  const saved: (typeof state)[] = [];
  let textMatrix: Matrix = IDENTITY;
  let lineMatrix: Matrix = IDENTITY;
  const moveLine = (tx: number, ty: number) => (textMatrix = lineMatrix = multiply(lineMatrix, [1, 0, 0, 1, tx, ty]));
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    if (fn === ops.save || fn === ops.paintFormXObjectBegin) {
      saved.push(state);
      if (fn === ops.paintFormXObjectBegin && isMatrix(args[0])) state = { ...state, ctm: multiply(state.ctm, args[0]) };
    } else if (fn === ops.restore || fn === ops.paintFormXObjectEnd) state = saved.pop() ?? state;
    else if (fn === ops.transform && isMatrix(args)) state = { ...state, ctm: multiply(state.ctm, args) };
    else if (fn === ops.setStrokeRGBColor) state = { ...state, stroke: visible(args[0]) };
    else if (fn === ops.setFillRGBColor) state = { ...state, fill: visible(args[0]) };
    else if (fn === ops.setStrokeTransparent) state = { ...state, stroke: false };
    else if (fn === ops.setFillTransparent) state = { ...state, fill: false };
    else if (fn === ops.constructPath && rules.length < ruleLimit) {
      const [paint, [path]] = args as [number, [ArrayLike<number> | null]];
      if (!path) continue;
      const subpaths = pathPoints(path).map((points) => points.map(([x, y]) => apply(state.ctm, x, y)));
      if (state.stroke && strokes(paint, ops)) for (const points of subpaths) rules.push(...strokedLines(points));
      if (state.fill && fills(paint, ops)) for (const points of subpaths) rules.push(...thinBox(points));
    } else if (fn === ops.beginText) textMatrix = lineMatrix = IDENTITY;
    else if (fn === ops.setTextMatrix && isMatrix(args[0])) textMatrix = lineMatrix = [...args[0]];
    else if (fn === ops.moveText) moveLine(Number(args[0]), Number(args[1]));
    else if (fn === ops.setLeadingMoveText) {
      state = { ...state, leading: -Number(args[1]) };
      moveLine(Number(args[0]), Number(args[1]));
    } else if (fn === ops.setLeading) state = { ...state, leading: Number(args[0]) };
    else if (fn === ops.nextLine) moveLine(0, -state.leading);
    else if (fn === ops.setFont) state = { ...state, font: String(args[0]), fontSize: Number(args[1]) };
    else if (fn === ops.setTextRise) state = { ...state, rise: Number(args[0]) };
    else if (fn === ops.showText) {
      textFonts.add(state.font);
      if (!isVerticalFont(state.font) || !Array.isArray(args[0])) continue;
      const glyphs = (args[0] as unknown[]).filter((g): g is Glyph => typeof g === 'object' && g !== null && 'unicode' in g);
      const place = multiply(state.ctm, multiply(textMatrix, [state.fontSize, 0, 0, state.fontSize, 0, state.rise]));
      vertical.add(glyphs.map((g) => g.unicode).join(''), place);
      // Each glyph of a vertical font moves the pen one em down.
      textMatrix = multiply(textMatrix, [1, 0, 0, 1, 0, -state.fontSize * glyphs.length]);
    }
  }
  return { rules: rules.slice(0, ruleLimit), verticalRuns: vertical.runs, textFonts };
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

const isMatrix = (value: unknown): value is Matrix => (Array.isArray(value) || ArrayBuffer.isView(value)) && (value as ArrayLike<number>).length === 6;

/** Vertical text gathered a showText at a time: pieces that go on down the same column make one run. */
class VerticalText {
  readonly runs: TextRun[] = [];

  /** `place` maps the em square of the first glyph (origin at its top centre) to the page. */
  add(text: string, place: Matrix): void {
    if (text.trim() === '') return;
    const size = Math.hypot(place[0], place[1]);
    const [x, y] = [place[4] - size / 2, place[5]];
    const height = size * [...text].length;
    const last = this.runs[this.runs.length - 1];
    const below = last && Math.abs(last.x - x) < size / 2 && y >= last.y + last.height - size && y <= last.y + last.height + 2 * size;
    if (below) {
      last.text += text;
      last.height = y + height - last.y;
    } else this.runs.push({ text, x, y, width: size, height, size });
  }
}

/** pdf.js gives colours as '#rrggbb'; white on the white page draws nothing. */
const visible = (color: unknown): boolean => typeof color !== 'string' || color.toLowerCase() !== '#ffffff';

const strokes = (paint: number, ops: Ops) =>
  [ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke].includes(paint);
const fills = (paint: number, ops: Ops) => [ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke].includes(paint);

/** pdf.js path data (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4) → the points of each subpath; a curve breaks it. */
function pathPoints(path: ArrayLike<number>): [number, number][][] {
  const subpaths: [number, number][][] = [];
  let current: [number, number][] = [];
  const end = () => {
    if (current.length > 1) subpaths.push(current);
    current = [];
  };
  for (let i = 0; i < path.length;) {
    const op = path[i++];
    if (op === 0 || op === 1) {
      if (op === 0) end();
      current.push([path[i], path[i + 1]]);
      i += 2;
    } else if (op === 2 || op === 3) {
      const size = op === 2 ? 6 : 4;
      const last: [number, number] = [path[i + size - 2], path[i + size - 1]];
      end();
      current.push(last);
      i += size;
    } else if (op === 4) {
      if (current.length > 2) current.push(current[0]);
      end();
    } else break;
  }
  end();
  return subpaths;
}

function strokedLines(points: readonly [number, number][]): Rule[] {
  const lines: Rule[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const line = straightLine(points[i], points[i + 1]);
    if (line) lines.push(line);
  }
  return lines;
}

function straightLine([ax, ay]: [number, number], [bx, by]: [number, number]): Rule | undefined {
  const rule = { x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
  const horizontal = rule.y1 - rule.y0 <= STRAIGHT && rule.x1 - rule.x0 >= SHORTEST;
  const vertical = rule.x1 - rule.x0 <= STRAIGHT && rule.y1 - rule.y0 >= SHORTEST;
  if (horizontal) return { ...rule, y0: (ay + by) / 2, y1: (ay + by) / 2 };
  if (vertical) return { ...rule, x0: (ax + bx) / 2, x1: (ax + bx) / 2 };
  return undefined;
}

/** A filled axis-aligned rectangle thin in one direction → the line along its middle. */
function thinBox(points: readonly [number, number][]): Rule[] {
  if (points.length < 4 || points.length > 5) return [];
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const axisAligned = points.every((p) => [x0, x1].some((x) => Math.abs(p[0] - x) <= STRAIGHT) && [y0, y1].some((y) => Math.abs(p[1] - y) <= STRAIGHT));
  if (!axisAligned) return [];
  const [width, height] = [x1 - x0, y1 - y0];
  if (height <= THIN && width >= SHORTEST && width >= 3 * height) return [{ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 }];
  if (width <= THIN && height >= SHORTEST && height >= 3 * width) return [{ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 }];
  return [];
}
