import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { readDoc } from '../../server/src/readers/doc';
import { readDocx } from '../../server/src/readers/docx';
import { ReadError, type ReadResult, type Table } from '../../server/src/readers/model';
import { renderReport } from '../../server/src/readers/render';
import { analyze } from '../../server/src/rules';
import { compoundFile } from '../support/compound-file';
import { readErrorAsync } from '../support/read-error';
import { findingsOn } from '../support/findings';
import { fixturesDir, readFixture } from '../support/fixtures';

const fixture = (...path: string[]) => new Uint8Array(readFileSync(join(fixturesDir, ...path)));
const HONGZE = fixture('readers', '淮安市洪泽区人民政府_2023.doc');

const tables = (result: ReadResult) => result.blocks.filter((b): b is Table => b.kind === 'table');
const cells = (table: Table) => table.rows.map((row) => row.cells.map((c) => c.text));

for (const name of ['淮安市洪泽区人民政府_2023', '平潭综合实验区_2020']) {
  test(`${name}.doc (LibreOffice, merged cells) gives the findings of its text twin`, async () => {
    const twin = readFixture('corpus', `${name}.txt`);
    const expected = JSON.parse(readFixture('corpus', `${name}.expected.json`)) as { code: string; expected?: number }[];
    const result = await readDoc(fixture('readers', `${name}.doc`));
    assert.equal(result.kind, 'doc');
    assert.deepEqual(result.notes, []);
    const { text } = renderReport(result, 'txt');
    assert.deepEqual(
      analyze(text, { locale: 'zh-cn' }).findings.map((f) => ({ code: f.code, ...(f.data.expected !== undefined ? { expected: f.data.expected } : {}) })),
      expected.map((f) => ({ code: f.code, ...(f.expected !== undefined ? { expected: f.expected } : {}) })),
    );
    assert.deepEqual(findingsOn(text), findingsOn(twin));
  });

  test(`${name}: the .doc reads to the same report text as the .docx it was saved from`, async () => {
    const doc = renderReport(await readDoc(fixture('readers', `${name}.doc`)), 'txt').text;
    const docx = renderReport(readDocx(fixture('readers', `${name}.docx`)), 'txt').text;
    assert.equal(doc, docx);
  });
}

test('淮安市洪泽区人民政府_2023.doc: tables cell by cell, merged cells resolved from the rows’ cell boundaries and merge flags', async () => {
  const result = await readDoc(HONGZE);
  const found = tables(result);
  assert.equal(found.length, 6);
  assert.deepEqual(cells(found[0]), [
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    ['规章', '0', '0', '0'],
    ['行政规范性文件', '0', '5', '5'],
  ]);
  const applications = found[4];
  assert.ok(applications.rows.every((row) => row.cells.length === 10));
  assert.deepEqual(cells(applications).slice(0, 3), [
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况', '', '', '', '', '', ''],
    ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'],
    ['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
  ]);
  assert.deepEqual(cells(applications)[7], ['', '（三）不予公开', '1.属于国家秘密', '1', '0', '0', '0', '0', '0', '1']);
  assert.deepEqual(cells(applications)[8], ['', '', '2.其他法律行政止公开', '0', '0', '0', '0', '0', '0', '0']);
  assert.deepEqual(applications.source, { kind: 'doc', paragraph: 54, table: 5 });
  assert.deepEqual(applications.rows[7].source, { kind: 'doc', paragraph: 109, table: 5, row: 8 });
  assert.deepEqual(cells(found[5]), [
    ['行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', ''],
    ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''],
    ['', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
    ['10', '1', '0', '0', '0', '0', '0', '0', '0', '0', '5', '0', '0', '0', '0'],
  ]);
  const paragraphs = result.blocks.filter((b) => b.kind === 'paragraph');
  assert.deepEqual(paragraphs.slice(11, 13), [
    { kind: 'paragraph', text: '二、主动公开政府信息情况', source: { kind: 'doc', paragraph: 12 } },
    { kind: 'paragraph', text: '第二十条第（一）项', source: { kind: 'doc', paragraph: 13 } },
  ]);
});

/** The file with a row definition (sprmTDefTable) of the first table — 4 cells, the second boundary at 2401 twips — claiming 5 cells. */
function withBrokenRowDefinition(bytes: Uint8Array): Uint8Array {
  const patched = bytes.slice();
  const view = new DataView(patched.buffer);
  for (let at = 0; at + 9 < patched.length; at++) {
    if (view.getUint16(at, true) === 0xd608 && patched[at + 4] === 4 && view.getInt16(at + 7, true) === 2401) {
      patched[at + 4] = 5;
      return patched;
    }
  }
  throw new Error('no row definition of the first table in the file');
}

test('a table whose row marks do not match its row definitions is given as paragraphs with a tables-as-text note, never as a guessed grid', async () => {
  const result = await readDoc(withBrokenRowDefinition(HONGZE));
  assert.deepEqual(
    result.notes.map((n) => [n.code, n.message['zh-cn'], n.message.en]),
    [
      [
        'tables-as-text',
        '文档中有表格无法逐格还原，其单元格内容按段落列出，其中的数字没有按表格核对',
        'some tables could not be recovered cell by cell; their cells are listed as paragraphs and their numbers were not checked as tables',
      ],
    ],
  );
  const texts = result.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '[table]'));
  const caption = texts.indexOf('第二十条第（一）项');
  assert.deepEqual(texts.slice(caption, caption + 15), [
    '第二十条第（一）项',
    '信息内容',
    '本年制发件数',
    '本年废止件数',
    '现行有效件数',
    '规章',
    '0',
    '0',
    '0',
    '行政规范性文件',
    '0',
    '5',
    '5',
    '第二十条第（五）项',
    '[table]',
  ]);
  assert.deepEqual(result.blocks[caption + 1].source, { kind: 'doc', paragraph: 14, table: 1, row: 1 });
  assert.equal(tables(result).length, 5);
});

/** The file with the FIB's fEncrypted flag set, as Word writes it for a password-protected .doc. */
function withEncryptedFlag(bytes: Uint8Array): Uint8Array {
  const patched = bytes.slice();
  for (let at = 512; at + 12 < patched.length; at += 512) {
    if (patched[at] === 0xec && patched[at + 1] === 0xa5) {
      patched[at + 0x0b] |= 0x01;
      return patched;
    }
  }
  throw new Error('no FIB in the file');
}

test('password-protected Word files are refused as encrypted: a .doc, and a .docx (an encrypted package in a compound file)', async () => {
  const doc = await readErrorAsync(() => readDoc(withEncryptedFlag(HONGZE)));
  assert.equal(doc.reason, 'encrypted');
  assert.equal(doc.messages['zh-cn'], '文档设有打开密码，无法读取；请在 Word 或 WPS 中取消密码后另存');
  const docx = await readErrorAsync(() => readDoc(compoundFile({ EncryptionInfo: new Uint8Array(8), EncryptedPackage: new Uint8Array(64) })));
  assert.equal(docx.reason, 'encrypted');
});

test('garbage, truncated and foreign files: one clear ReadError each', async () => {
  const reason = async (bytes: Uint8Array) => (await readErrorAsync(() => readDoc(bytes))).reason;
  assert.equal(await reason(new TextEncoder().encode('not a word file at all')), 'corrupt');
  assert.equal(await reason(HONGZE.subarray(0, 20_000)), 'corrupt');
  assert.equal(await reason(compoundFile({ Contents: new Uint8Array(16) })), 'corrupt');
  assert.equal(await reason(compoundFile({ WordDocument: new Uint8Array(64) })), 'corrupt');
  assert.equal(await reason(compoundFile({ Workbook: new Uint8Array(16) })), 'unsupported');
});

test('damaged .doc files fail with a ReadError or read, never anything else', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.nat(HONGZE.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 16 }), async (edits) => {
      const bytes = HONGZE.slice();
      for (const [at, value] of edits) bytes[at] = value;
      try {
        const result = await readDoc(bytes);
        assert.ok(result.blocks.every((b) => b.kind === 'paragraph' || b.rows.every((row) => row.cells.length === b.rows[0].cells.length)));
      } catch (error) {
        assert.ok(error instanceof ReadError, String(error));
      }
    }),
    { numRuns: 300 },
  );
});
