/**
 * The export to Word: every seed and corpus report, laid out and exported, reads back with the
 * project's own Word reader (as `govreport convert` reads a .docx) as the same report — the same
 * parts, the same statutory cells, the same findings — and its document.xml has the 公文 page, the
 * fonts and the table properties the official layout asks for.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BoundReport } from '../../server/src/engine/bind';
import type { OutlineNode } from '../../server/src/engine/types';
import { layoutReport } from '../../server/src/publish/layout';
import { exportDocx } from '../../server/src/publish/docx';
import { convertSource } from '../../server/src/readers';
import { readDocx } from '../../server/src/readers/docx';
import type { Block } from '../../server/src/readers/model';
import { cleanText } from '../../server/src/engine/text';
import type { LayoutTable, PublishedReport } from '../../server/src/publish/model';
import { readZipEntries } from '../../server/src/readers/zip';
import { analyze } from '../../server/src/rules';
import { fixtureNames, readFixture } from '../support/fixtures';

const REPORTS = [...fixtureNames('seeds').map((name) => ['seeds', name]), ...fixtureNames('corpus').map((name) => ['corpus', name])];

/** What a reader of the report sees in it: its parts, its statutory cells, its findings. */
function reading(text: string) {
  const { bound, findings } = analyze(text, { locale: 'zh-cn' });
  // As the reader cleans text up: spaces between Chinese characters closed up (一、 概述 → 一、概述).
  return { parts: partNames(bound.report.outline).map(cleanText), cells: statutoryCells(bound).map(cleanText), codes: findings.map((f) => f.code).sort() };
}

function partNames(nodes: readonly OutlineNode[]): string[] {
  return nodes.flatMap((node) => (node.type === 'section' && node.kind === 'part' ? [node.name] : []));
}

/** Each statutory cell's text, by table, row (in statutory order: the published table's) and column. */
function statutoryCells(bound: BoundReport): string[] {
  return bound.tables.flatMap((table) =>
    table.definition.rows
      .flatMap((definition) => table.rows.get(definition.id) ?? [])
      .flatMap((row) => [...row.cells.values()].map((cell) => `${table.definition.id} ${row.definition.id} ${cell.column.id}: ${cell.cell?.text ?? ''}`)),
  );
}

/**
 * The paragraphs' texts and each table as a grid, a merged cell's text in its top-left place and '' in
 * the places it covers, as the reader gives them (its text cleaned up: spaces between Chinese characters closed up).
 */
function publishedShape(published: PublishedReport): (string | string[][])[] {
  const title = published.title ? [published.title.text] : [];
  const blocks = published.blocks.flatMap((block) =>
    block.kind === 'table' ? [...(block.table.caption ? [block.table.caption] : []), grid(block.table)] : [block.text],
  );
  return [...title, ...blocks].map((b) => (typeof b === 'string' ? cleanText(b) : b.map((row) => row.map(cleanText)))).filter((b) => b !== '');
}

function grid(table: LayoutTable): string[][] {
  const rows: string[][] = table.rows.map(() => []);
  table.rows.forEach((cells, r) => {
    let column = 0;
    for (const cell of cells) {
      while (rows[r][column] !== undefined) column++;
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) rows[r + dr][column + dc] = dr === 0 && dc === 0 ? cell.text : '';
      column += cell.colSpan;
    }
  });
  return rows;
}

function blockShape(block: Block): (string | string[][])[] {
  if (block.kind === 'table') return [block.rows.map((row) => row.cells.map((cell) => cell.text))];
  return block.text === '' ? [] : [block.text];
}

async function exported(text: string): Promise<Uint8Array> {
  const { bound, findings } = analyze(text, { locale: 'zh-cn' });
  return exportDocx(layoutReport(bound, findings));
}

function part(docx: Uint8Array, name: string): string {
  return new TextDecoder().decode(readZipEntries(docx, [name], 1 << 26).get(name));
}

describe('export to Word: the document reads back as laid out', () => {
  for (const [folder, name] of REPORTS) {
    test(`${folder}/${name}`, async () => {
      const { bound, findings } = analyze(readFixture(folder, name), { locale: 'zh-cn' });
      const published = layoutReport(bound, findings);
      const read = readDocx(await exportDocx(published));
      assert.deepEqual(read.blocks.flatMap(blockShape), publishedShape(published));
    });
  }
});

describe('export to Word: the document reads back as the same report', () => {
  for (const [folder, name] of REPORTS) {
    test(`${folder}/${name}`, async () => {
      const text = readFixture(folder, name);
      const back = await convertSource(await exported(text), 'report.docx', 'md');
      const original = reading(text);
      const read = reading(back.text);
      assert.deepEqual(read.parts, original.parts);
      assert.deepEqual(read.cells, original.cells);
      assert.deepEqual(read.codes, original.codes);
    });
  }
});

describe('the exported document.xml', async () => {
  const docx = await exported(readFixture('corpus', '平潭综合实验区_2020.txt'));
  const xml = part(docx, 'word/document.xml');

  test('Chinese text set as Chinese (line breaking, glyph forms)', () => {
    assert.match(part(docx, 'word/styles.xml'), /<w:rPrDefault><w:rPr>.*<w:lang w:val="en-US" w:eastAsia="zh-CN"\/><\/w:rPr><\/w:rPrDefault>/);
  });

  test('A4 with the GB/T 9704 margins (37, 35, 28, 26 mm)', () => {
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(xml, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });

  test('the title in 方正小标宋简体 二号, the body in 仿宋_GB2312 三号, parts in 黑体, sections in 楷体_GB2312, each with its common font', () => {
    assert.match(xml, /<w:rFonts w:ascii="宋体" w:cs="宋体" w:eastAsia="方正小标宋简体" w:hAnsi="宋体"\/><w:sz w:val="44"\/>[^]*?<w:t[^>]*>平潭综合实验区/);
    assert.match(xml, /<w:rFonts w:ascii="仿宋" w:cs="仿宋" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋"\/><w:sz w:val="32"\/>/);
    assert.match(
      xml,
      /<w:rFonts w:ascii="黑体" w:cs="黑体" w:eastAsia="黑体" w:hAnsi="黑体"\/><w:sz w:val="32"\/><w:szCs w:val="32"\/><\/w:rPr><w:t[^>]*>一、/,
    );
    assert.match(
      xml,
      /<w:rFonts w:ascii="楷体" w:cs="楷体" w:eastAsia="楷体_GB2312" w:hAnsi="楷体"\/><w:sz w:val="32"\/><w:szCs w:val="32"\/><\/w:rPr><w:t[^>]*>（一）/,
    );
  });

  test('tables: 五号 text, header rows repeated, no row split, merged cells as the model spans them', () => {
    assert.match(xml, /<w:sz w:val="21"\/>/);
    assert.match(xml, /<w:tblHeader\/>/);
    const rows = xml.match(/<w:tr>|<w:tr /g)?.length ?? 0;
    assert.equal(xml.match(/<w:cantSplit\/>/g)?.length, rows);
    assert.match(xml, /<w:gridSpan w:val="7"\/>[^]*?申请人情况/);
    assert.match(xml, /<w:vMerge w:val="restart"\/>[^]*?自然人/);
    assert.match(xml, /<w:vMerge w:val="continue"\/>/);
  });
});
