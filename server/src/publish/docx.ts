/**
 * The published report as a Word document in the 公文 layout of GB/T 9704-2012: A4, margins 37 / 35 /
 * 28 / 26 mm, the title in 方正小标宋简体 二号, the body in 仿宋_GB2312 三号 on a 28-point line, 一、 headings
 * in 黑体, （一） headings in 楷体_GB2312, page numbers `— 1 —` at the foot; tables as the official
 * templates (merged cells, numbers centred, 五号, fitted to the text width, header rows repeated, rows
 * never split across pages). Written with the `docx` library.
 *
 * Fonts: each run names the official font for Chinese text (w:eastAsia) and its common counterpart
 * (宋体, 仿宋, 黑体, 楷体) for Latin text and digits (w:ascii, w:hAnsi), so both stand in the document's
 * fonts. Where the official font is missing, Word and LibreOffice substitute by their own tables; a
 * font table naming the counterpart as w:altName would need that part written by hand (the docx
 * library writes font-table entries only for embedded fonts).
 */
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { LayoutBlock, LayoutCell, LayoutTable, PublishedReport } from './model';
import { CELL_MARGIN, columnWidths } from './docx-columns';

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

/** GB/T 9704-2012 §5.2.1: A4, 版心 156 × 225 mm. */
export const PAGE = { width: twips(210), height: twips(297), top: twips(37), bottom: twips(35), left: twips(28), right: twips(26) };
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** Each face: the official font, and the one most machines have (named for Latin text, and as Word's stand-in). */
export const FONTS = {
  title: { official: '方正小标宋简体', common: '宋体' },
  body: { official: '仿宋_GB2312', common: '仿宋' },
  part: { official: '黑体', common: '黑体' },
  section: { official: '楷体_GB2312', common: '楷体' },
  pageNumber: { official: '宋体', common: '宋体' },
} as const;
type Face = (typeof FONTS)[keyof typeof FONTS];

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
const SIZE = { title: 44, body: 32, pageNumber: 28, table: 21 };
/** The body's fixed line: 28 points (22 lines a page). */
const BODY_LINE = 560;
/** Two characters of 三号: the first-line indent of a paragraph. */
const BODY_INDENT = 640;

function run(text: string, face: Face, size: number, bold = false): TextRun {
  return new TextRun({ text, bold: bold || undefined, size, font: { ascii: face.common, hAnsi: face.common, eastAsia: face.official, cs: face.common } });
}

function bodyParagraph(children: ParagraphChild[], options: { indent?: boolean; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) {
  return new Paragraph({
    children,
    alignment: options.alignment ?? AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: BODY_INDENT },
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT },
  });
}

function headingFace(level: number): { face: Face; bold: boolean } {
  if (level === 1) return { face: FONTS.part, bold: false };
  if (level === 2) return { face: FONTS.section, bold: false };
  // 1. headings in bold 仿宋, （1） headings as the body (GB/T 9704 §7.3.3).
  return { face: FONTS.body, bold: level === 3 };
}

function blockContent(block: LayoutBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading': {
      const { face, bold } = headingFace(block.level);
      return [bodyParagraph([run(block.text, face, SIZE.body, bold)])];
    }
    case 'paragraph':
      return [bodyParagraph([run(block.text, FONTS.body, SIZE.body)])];
    case 'table':
      return tableContent(block.table);
  }
}

function tableContent(table: LayoutTable): (Paragraph | Table)[] {
  const widths = columnWidths(table, TEXT_WIDTH);
  const caption = table.caption ? [bodyParagraph([run(table.caption, FONTS.body, SIZE.body)], { indent: false, alignment: AlignmentType.CENTER })] : [];
  const grid = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN },
    alignment: AlignmentType.CENTER,
    rows: table.rows.map(
      (cells, i) =>
        new TableRow({
          tableHeader: i < table.headerRows,
          cantSplit: true,
          children: cells.map(tableCell),
        }),
    ),
  });
  // A paragraph after the table keeps two tables in a row from merging into one.
  return [...caption, grid, bodyParagraph([], { indent: false })];
}

function tableCell(cell: LayoutCell): TableCell {
  return new TableCell({
    rowSpan: cell.rowSpan,
    columnSpan: cell.colSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    children: cell.text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: cell.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(line, FONTS.body, SIZE.table)],
        }),
    ),
  });
}

function footer(): Footer {
  const face = FONTS.pageNumber;
  const font = { ascii: face.common, hAnsi: face.common, eastAsia: face.official, cs: face.common };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.pageNumber, font })],
      }),
    ],
  });
}

export function reportDocument(report: PublishedReport): Document {
  const title = report.title
    ? [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: BODY_LINE, line: BODY_LINE * 1.25, lineRule: LineRuleType.AT_LEAST },
          children: [run(report.title.text, FONTS.title, SIZE.title)],
        }),
      ]
    : [];
  return new Document({
    // Chinese text as Chinese (its line breaking: no line starts with 。), Latin text as Word in China sets it.
    styles: {
      default: {
        document: {
          run: {
            size: SIZE.body,
            font: { eastAsia: FONTS.body.official, ascii: FONTS.body.common, hAnsi: FONTS.body.common },
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: twips(28), header: twips(15) },
          },
        },
        footers: { default: footer() },
        children: [...title, ...report.blocks.flatMap(blockContent)],
      },
    ],
  });
}

/** The report as the bytes of a .docx file. */
export async function exportDocx(report: PublishedReport): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(reportDocument(report)));
}
