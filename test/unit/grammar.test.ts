import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type IOnigLib } from 'vscode-textmate';
import { scanLine } from '../../server/src/engine/scan';
import { fixtureNames, fixturesDir, readFixture } from '../support/fixtures';

const syntaxesDir = join(__dirname, '..', '..', 'syntaxes');
const GOVREPORT = 'text.govreport';
const INJECTION = 'markdown.govreport.injection';
const MARKDOWN = 'text.html.markdown';
const grammarFiles: Record<string, string> = {
  [GOVREPORT]: 'govreport.tmLanguage.json',
  [INJECTION]: 'govreport.markdown-injection.tmLanguage.json',
};
/** Stands in for VS Code's Markdown grammar: fenced code, and paragraphs begun as VS Code's grammar begins them. */
const markdownStub = {
  scopeName: MARKDOWN,
  patterns: [
    { name: 'markup.fenced_code.block.markdown', begin: '(^|\\G)[ ]{0,3}```', end: '(^|\\G)[ ]{0,3}```' },
    {
      name: 'meta.paragraph.markdown',
      begin: '(^|\\G)[ ]{0,3}(?=[^ \\t\\n])',
      while: '(^|\\G)((?=\\s*[-=]{3,}\\s*$)|[ ]{4,}(?=[^ \\t\\n]))',
    },
  ],
};

const H1 = 'markup.heading.1.govreport';
const H2 = 'markup.heading.2.govreport';
const H3 = 'markup.heading.3.govreport';
const H4 = 'markup.heading.4.govreport';
const NUMBERING = 'constant.other.numbering.govreport';
const HASHES = 'punctuation.definition.heading.govreport';
const BOLD = 'punctuation.definition.bold.govreport';
const APPENDIX = 'markup.heading.appendix.govreport';
const ROW = 'meta.table.row.govreport';
const LABEL = `${ROW} entity.name.tag.label.govreport`;
const NUMBER = `${ROW} constant.numeric.govreport`;
const UNIT = `${ROW} keyword.other.unit.govreport`;
const NA = `${ROW} constant.language.na.govreport`;
const SEPARATOR = `${ROW} punctuation.separator.govreport`;
const NOTE = 'comment.block.note.govreport';
const CAPTION = 'entity.name.section.caption.govreport';

async function loadGrammars(): Promise<{ govreport: IGrammar; markdown: IGrammar }> {
  await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')));
  const onigLib: IOnigLib = {
    createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
    createOnigString: (text) => new oniguruma.OnigString(text),
  };
  const registry = new Registry({
    onigLib: Promise.resolve(onigLib),
    loadGrammar: async (scopeName) => {
      if (scopeName === MARKDOWN) return parseRawGrammar(JSON.stringify(markdownStub), 'markdown-stub.json');
      const file = grammarFiles[scopeName];
      return file ? parseRawGrammar(readFileSync(join(syntaxesDir, file), 'utf8'), join(syntaxesDir, file)) : null;
    },
    getInjections: (scopeName) => (scopeName === MARKDOWN ? [INJECTION] : undefined),
  });
  const [govreport, markdown] = await Promise.all([registry.loadGrammar(GOVREPORT), registry.loadGrammar(MARKDOWN)]);
  assert.ok(govreport && markdown);
  return { govreport, markdown };
}

const grammars = loadGrammars();

type Token = [text: string, scopes: string];

/** Tokenizes lines in order; each token is its text and its scopes below the root, space-separated. */
function tokenizeLines(grammar: IGrammar, lines: string[]): Token[][] {
  let stack = INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t): Token => [line.slice(t.startIndex, t.endIndex), t.scopes.slice(1).join(' ')]);
  });
}

const tokenize = (grammar: IGrammar, line: string): Token[] => tokenizeLines(grammar, [line])[0];
/** Only the tokens that carry a scope. */
const scoped = (tokens: Token[]): Token[] => tokens.filter(([, scopes]) => scopes !== '');

/** The first line of a fixture that starts with `start` or matches it (so every case below is real report text). */
function fixtureLine(folder: string, name: string, start: string | RegExp): string {
  const line = readFixture(folder, name)
    .split(/\r?\n/)
    .find((l) => (typeof start === 'string' ? l.startsWith(start) : start.test(l)));
  assert.ok(line !== undefined, `${folder}/${name}: no line starts with ${start}`);
  return line;
}

const seed000 = (start: string | RegExp) => fixtureLine('seeds', '000_cf77e8731c91250a.txt', start);
const seed002 = (start: string | RegExp) => fixtureLine('seeds', '002_bc6bcd97b1a1f0b8.txt', start);
const seed003 = (start: string) => fixtureLine('seeds', '003_721881aa274abb1a.txt', start);
const markdown2021 = (start: string) => fixtureLine('rules', '2021-markdown.md', start);

const TAB: Token = ['\t', ROW];
/** One token per cell, with the tabs between them (scoped only as the row). */
const tsv = (...cells: Token[]): Token[] => cells.flatMap((cell, i) => (i === 0 ? [cell] : [TAB, cell]));

test('grammar files: scope names and a Markdown-only injection selector', () => {
  const govreport = JSON.parse(readFileSync(join(syntaxesDir, grammarFiles[GOVREPORT]), 'utf8'));
  const injection = JSON.parse(readFileSync(join(syntaxesDir, grammarFiles[INJECTION]), 'utf8'));
  assert.equal(govreport.scopeName, GOVREPORT);
  assert.equal(injection.scopeName, INJECTION);
  assert.match(injection.injectionSelector, /^L:text\.html\.markdown(?: -[\w.]+)*$/);
});

test('seed 000: a part heading is level 1 and its numbering is marked', async () => {
  const { govreport } = await grammars;
  assert.deepEqual(tokenize(govreport, seed000('一、2019 年联财镇')), [
    ['一、', `${H1} ${NUMBERING}`],
    ['2019 年联财镇政府信息公开总体情况', H1],
  ]);
  assert.deepEqual(tokenize(govreport, seed000('二、主动公开')), [
    ['二、', `${H1} ${NUMBERING}`],
    ['主动公开政府信息情况', H1],
  ]);
});

test('seed 003: Markdown #s do not set the level; the numbering does', async () => {
  const { govreport } = await grammars;
  assert.deepEqual(tokenize(govreport, seed003('### 一、')), [
    ['###', `${H1} ${HASHES}`],
    [' ', H1],
    ['一、', `${H1} ${NUMBERING}`],
    ['总体情况', H1],
  ]);
  assert.deepEqual(tokenize(govreport, seed003('## 二、'))[2], ['二、', `${H1} ${NUMBERING}`]);
  assert.deepEqual(tokenize(govreport, seed003('#### 四、'))[3], ['政府信息公开行政复议、行政诉讼情况', H1]);
  // A Markdown heading without section numbering: its #s are marked, its text stays prose.
  assert.deepEqual(tokenize(govreport, seed003('# 柴河镇')), [
    ['#', HASHES],
    [' 柴河镇人民政府', ''],
  ]);
});

test('seed 000: an inline sub-heading ends with the first 。, the rest of the line is prose', async () => {
  const { govreport } = await grammars;
  const line = seed000('（一）加强组织领导');
  const tokens = tokenize(govreport, line);
  assert.deepEqual(tokens.slice(0, 2), [
    ['（一）', `${H2} ${NUMBERING}`],
    ['加强组织领导，建立健全工作机制。', H2],
  ]);
  assert.equal(tokens.length, 3);
  assert.ok(tokens[2][0].startsWith('强化组织领导。一是成立领导小组'));
  assert.equal(tokens[2][0], line.slice('（一）加强组织领导，建立健全工作机制。'.length));
  assert.equal(tokens[2][1], '');
  // A heading that is the whole line keeps its final 。
  assert.deepEqual(tokenize(govreport, seed000('（八）')), [
    ['（八）', `${H2} ${NUMBERING}`],
    ['回应群众、严格规范政务公开工作。', H2],
  ]);
});

test('seed 003: a bold inline heading ends with the closing **', async () => {
  const { govreport } = await grammars;
  const tokens = tokenize(govreport, seed003('**（一）强化工作部署。**'));
  assert.deepEqual(tokens.slice(0, 4), [
    ['**', `${H2} ${BOLD}`],
    ['（一）', `${H2} ${NUMBERING}`],
    ['强化工作部署。', H2],
    ['**', `${H2} ${BOLD}`],
  ]);
  assert.equal(tokens.length, 5);
  assert.ok(tokens[4][0].startsWith('2019 年，柴河镇完善了'));
  assert.equal(tokens[4][1], '');
});

test('heading levels 3 and 4 and inline names ending at ：', async () => {
  const { govreport } = await grammars;
  assert.deepEqual(tokenize(govreport, '1.加强用权信息公开'), [
    ['1.', `${H3} ${NUMBERING}`],
    ['加强用权信息公开', H3],
  ]);
  assert.deepEqual(tokenize(govreport, '2、做好巡查工作'), [
    ['2、', `${H3} ${NUMBERING}`],
    ['做好巡查工作', H3],
  ]);
  assert.deepEqual(tokenize(govreport, '（10）推进重大建设项目信息公开'), [
    ['（10）', `${H4} ${NUMBERING}`],
    ['推进重大建设项目信息公开', H4],
  ]);
  assert.deepEqual(tokenize(govreport, '十二、附则'), [
    ['十二、', `${H1} ${NUMBERING}`],
    ['附则', H1],
  ]);
  assert.deepEqual(tokenize(govreport, fixtureLine('seeds', '004_5af3a546c32e05da.txt', '（二）依申请公开')), [
    ['（二）', `${H2} ${NUMBERING}`],
    ['依申请公开：', H2],
    ['本机关2021年未收到政府信息公开申请，未收取信息处理费。', ''],
  ]);
});

test('enumerations, decimals and years are not headings', async () => {
  const { govreport } = await grammars;
  for (const line of [
    seed002('一是以乡镇政务公开指南目录'),
    '一是成立领导小组',
    '1.5亿元用于信息化建设',
    '2019.12.31 截止',
    '123、不是编号',
    '一二、不是编号',
    '（十十）不是编号',
  ]) {
    assert.deepEqual(tokenize(govreport, line), [[line, '']], line);
  }
});

test('seed 000: prose stays unscoped, the year in it too', async () => {
  const { govreport } = await grammars;
  const line = seed000('2019 年，联财镇深入贯彻');
  assert.deepEqual(tokenize(govreport, line), [[line, '']]);
});

test('seed 000: a line with a tab is a table row; its leading text cells are labels, not headings', async () => {
  const { govreport } = await grammars;
  const zeros = Array.from({ length: 7 }, (): Token => ['0', NUMBER]);
  assert.deepEqual(tokenize(govreport, seed000('三、本年度办理结果\t')), [...tsv(['三、本年度办理结果', LABEL], ['(一) 予以公开', LABEL], ...zeros), TAB]);
  assert.deepEqual(tokenize(govreport, seed000('\t(三) 不予公开\t1.属于国家秘密')), [
    TAB,
    ...tsv(['(三) 不予公开', LABEL], ['1.属于国家秘密', LABEL], ...zeros),
  ]);
  // 三、 alone in the first cell (seed 003's split label) is a label too.
  assert.deepEqual(tokenize(govreport, seed003('三、\t'))[0], ['三、', LABEL]);
  // A row of numbers only.
  assert.deepEqual(scoped(tokenize(govreport, seed000('0\t0\t0'))), tsv(...Array.from({ length: 15 }, (): Token => ['0', NUMBER])));
});

test('seed 003: a number with its unit in parentheses', async () => {
  const { govreport } = await grammars;
  assert.deepEqual(tokenize(govreport, seed003('政府集中采购\t')), [...tsv(['政府集中采购', LABEL], ['4', NUMBER], ['25987', NUMBER]), ['（元）', UNIT], TAB]);
});

test('number cells: decimals, negatives, full-width digits, thousands separators, units', async () => {
  const { govreport } = await grammars;
  assert.deepEqual(tokenize(govreport, ['合计', '2406.2243', '-5', '１２３', '1,234,567', '12件', '3 万元', '180 人次', '70.3%'].join('\t')), [
    ...tsv(['合计', LABEL], ['2406.2243', NUMBER], ['-5', NUMBER], ['１２３', NUMBER], ['1,234,567', NUMBER], ['12', NUMBER]),
    ['件', UNIT],
    TAB,
    ['3', NUMBER],
    [' ', ROW],
    ['万元', UNIT],
    TAB,
    ['180', NUMBER],
    [' ', ROW],
    ['人次', UNIT],
    TAB,
    ['70.3%', NUMBER],
  ]);
  // Not numbers, so still part of the label: a date, a phone number, text with a digit.
  assert.deepEqual(
    tokenize(govreport, '合计\t2018年1月2日\t0952-8011132\t第3项'),
    tsv(['合计', LABEL], ['2018年1月2日', LABEL], ['0952-8011132', LABEL], ['第3项', LABEL]),
  );
});

test('seed 002: the 2008 table’s unit column and its — not-applicable marks', async () => {
  const { govreport } = await grammars;
  assert.deepEqual(tokenize(govreport, seed002('一、主动公开情况\t')), [...tsv(['一、主动公开情况', LABEL], ['——', NA]), TAB]);
  assert.deepEqual(
    tokenize(govreport, seed002('(三) 从事政府信息公开工作人员数')),
    tsv(['(三) 从事政府信息公开工作人员数', LABEL], ['人', UNIT], ['3', NUMBER]),
  );
  assert.deepEqual(tokenize(govreport, seed002('(三) 接受培训人员数')), tsv(['(三) 接受培训人员数', LABEL], ['人次', UNIT], ['180', NUMBER]));
  assert.deepEqual(tokenize(govreport, seed002('七、依申请公开信息收取的费用')), tsv(['七、依申请公开信息收取的费用', LABEL], ['万元', UNIT], ['0', NUMBER]));
  assert.deepEqual(tokenize(govreport, 'a\t/\t-')[2], ['/', NA]);
});

test('the 勾稽关系 note, with half- and full-width parentheses, in a row or in prose', async () => {
  const { govreport } = await grammars;
  const half = '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)';
  const full = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
  assert.deepEqual(tokenize(govreport, seed000(half)), [
    [half, `${ROW} ${NOTE}`],
    ['\t\t', ROW],
    ['申请人情况', LABEL],
    ['\t\t\t\t\t\t\t', ROW],
  ]);
  assert.deepEqual(tokenize(govreport, seed003(full)).slice(0, 3), [
    [full, `${ROW} ${NOTE}`],
    ['\t', ROW],
    ['申请人情况', LABEL],
  ]);
  assert.deepEqual(tokenize(govreport, `注：${full}。`), [
    ['注：', ''],
    [full, NOTE],
    ['。', ''],
  ]);
});

test('captions: alone, in a row, with a space, after ###', async () => {
  const { govreport } = await grammars;
  assert.deepEqual(tokenize(govreport, seed003('第二十条第（一）项')), [['第二十条第（一）项', CAPTION]]);
  assert.deepEqual(tokenize(govreport, seed000('第二十条第（一）项')), [
    ['第二十条第（一）项', `${ROW} ${CAPTION}`],
    ['\t\t\t', ROW],
  ]);
  assert.deepEqual(tokenize(govreport, fixtureLine('corpus', '淮安市人民政府_2024.txt', '第二十条 第（一）项')), [['第二十条 第（一）项', CAPTION]]);
  assert.deepEqual(tokenize(govreport, fixtureLine('corpus', '沭阳县人民政府_2025_OCR抽取文本.txt', '### 第二十条')), [
    ['###', HASHES],
    [' ', ''],
    ['第二十条第（一）项', CAPTION],
  ]);
  // Cited in prose, it is no caption.
  const prose = '依据第二十条第（一）项规定公开。';
  assert.deepEqual(tokenize(govreport, prose), [[prose, '']]);
});

test('seed 002: 附件 lines and the statistics table’s caption', async () => {
  const { govreport } = await grammars;
  assert.deepEqual(tokenize(govreport, seed002('附件：')), [['附件：政府信息公开情况统计表', APPENDIX]]);
  assert.deepEqual(tokenize(govreport, seed002(/^附件$/)), [['附件', APPENDIX]]);
  assert.deepEqual(tokenize(govreport, '**附件1**'), [
    ['**', BOLD],
    ['附件1', APPENDIX],
    ['**', BOLD],
  ]);
  assert.deepEqual(tokenize(govreport, '附件2'), [['附件2', APPENDIX]]);
  assert.deepEqual(tokenize(govreport, seed002('政府信息公开情况统计表')), [['政府信息公开情况统计表', CAPTION]]);
  // A long line that merely starts with 附件 is prose.
  const prose = '附件：' + '很长的说明文字'.repeat(8);
  assert.deepEqual(tokenize(govreport, prose), [[prose, '']]);
});

test('separator debris in tab and pipe rows', async () => {
  const { govreport } = await grammars;
  assert.deepEqual(
    tokenize(govreport, seed000('-------------\t')),
    tsv(['-------------', SEPARATOR], ...Array.from({ length: 7 }, (): Token => ['---', SEPARATOR])),
  );
  assert.deepEqual(tokenize(govreport, '|---|:---:|'), [
    ['|', SEPARATOR],
    ['---', SEPARATOR],
    ['|', SEPARATOR],
    [':---:', SEPARATOR],
    ['|', SEPARATOR],
  ]);
});

test('rules/2021-markdown.md: a pipe row’s separators, labels and numbers', async () => {
  const { govreport } = await grammars;
  const numbers = ['1175', '12', '0', '3', '1', '0', '1181'];
  assert.deepEqual(tokenize(govreport, markdown2021('| 三、本年度办理结果 |')), [
    ['|', SEPARATOR],
    [' ', ROW],
    ['三、本年度办理结果', LABEL],
    [' ', ROW],
    ['|', SEPARATOR],
    [' ', ROW],
    ['（一）予以公开', LABEL],
    [' ', ROW],
    ...numbers.flatMap((n): Token[] => [
      ['|', SEPARATOR],
      [' ', ROW],
      [n, NUMBER],
      [' ', ROW],
    ]),
    ['|', SEPARATOR],
  ]);
  assert.deepEqual(
    tokenize(govreport, markdown2021('| 行政事业性收费 |')).filter(([, scopes]) => scopes !== ROW && scopes !== SEPARATOR),
    [
      ['行政事业性收费', LABEL],
      ['59237.2449', NUMBER],
    ],
  );
  assert.deepEqual(
    tokenize(govreport, markdown2021('| （本列数据')).filter(([, scopes]) => scopes !== ROW && scopes !== SEPARATOR),
    [
      ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', `${ROW} ${NOTE}`],
      ['申请人情况', LABEL],
    ],
  );
});

test('Markdown injection: numbers and units in pipe rows, the note, captions; nothing else', async () => {
  const { markdown } = await grammars;
  /** The tokens the injection scoped, with all their scopes (so Markdown's own paragraph is seen to stay). */
  const md = (line: string) => tokenize(markdown, line).filter(([, scopes]) => scopes.includes('.govreport'));
  const PARAGRAPH = 'meta.paragraph.markdown';
  const number = (n: string): Token => [n, `${PARAGRAPH} constant.numeric.govreport`];
  assert.deepEqual(md(markdown2021('| 三、本年度办理结果 |')), ['1175', '12', '0', '3', '1', '0', '1181'].map(number));
  assert.deepEqual(md('| 政府集中采购 | 4 | 25987（元） |'), [number('4'), number('25987'), ['（元）', `${PARAGRAPH} keyword.other.unit.govreport`]]);
  assert.deepEqual(md(markdown2021('| （本列数据')), [['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', `${PARAGRAPH} ${NOTE}`]]);
  assert.deepEqual(md(markdown2021('第二十条第（五）项')), [['第二十条第（五）项', `${PARAGRAPH} ${CAPTION}`]]);
  assert.deepEqual(md('  第二十条 第（一）项'), [['第二十条 第（一）项', `${PARAGRAPH} ${CAPTION}`]]);
  const note = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
  assert.deepEqual(md(note), [[note, `${PARAGRAPH} ${NOTE}`]]);
  for (const line of [
    markdown2021('## 三、'),
    markdown2021('（一）主动公开方面。'),
    markdown2021('2023年，我市以'),
    markdown2021('| 信息内容 | 本年制发件数 |'),
    markdown2021('|---|'),
    '共 12 条，计 3 万元。',
    '依据第二十条第（一）项规定公开。',
    'a | 5 b',
  ]) {
    assert.deepEqual(md(line), [], line);
  }
  // Not inside code.
  const [, inFence] = tokenizeLines(markdown, ['```', '| 行政许可 | 12 |', '```']);
  assert.deepEqual(inFence, [['| 行政许可 | 12 |', 'markup.fenced_code.block.markdown']]);
});

test('the grammar agrees with the scanner on every line of every fixture', async () => {
  const { govreport } = await grammars;
  const expected: Record<string, string | undefined> = {
    row: ROW,
    caption: CAPTION,
    appendix: APPENDIX,
  };
  for (const folder of ['seeds', 'corpus', 'rules']) {
    for (const name of readdirSync(join(fixturesDir, folder)).filter((n) => /\.(txt|md)$/.test(n))) {
      readFixture(folder, name)
        .split(/\r?\n/)
        .forEach((line, i) => {
          const scan = scanLine(line, i);
          const want = scan.kind === 'heading' ? `markup.heading.${scan.level}.govreport` : expected[scan.kind];
          // The outermost scope of every token, leaving out the decoration of prose (# marks, notes).
          const got = new Set(
            tokenize(govreport, line)
              .map(([, scopes]) => scopes.split(' ')[0])
              .filter((s) => s !== '' && s !== HASHES && s !== NOTE),
          );
          assert.deepEqual([...got], want ? [want] : [], `${folder}/${name}:${i + 1} (${scan.kind}): ${line}`);
        });
    }
  }
});

test('every line of every seed tokenizes in its own line, and quickly', async () => {
  const { govreport, markdown } = await grammars;
  const started = performance.now();
  for (const name of fixtureNames('seeds')) {
    for (const grammar of [govreport, markdown]) {
      let stack = INITIAL;
      for (const line of readFixture('seeds', name).split(/\r?\n/)) {
        const result = grammar.tokenizeLine(line, stack);
        assert.equal(result.stoppedEarly, false);
        assert.ok(result.tokens.at(-1)!.endIndex >= line.length);
        // No rule of ours spans lines: after every line, govreport is back in its initial state.
        if (grammar === govreport) assert.equal(result.ruleStack.depth, 1, `${name}: ${line}`);
        stack = result.ruleStack;
      }
    }
  }
  assert.ok(performance.now() - started < 2000, `seeds took ${performance.now() - started} ms`);
});

test('100 000-character lines tokenize in linear time (no catastrophic backtracking)', { timeout: 60_000 }, async () => {
  const { govreport, markdown } = await grammars;
  const length = 100_000;
  const fill = (prefix: string, unit: string) => (prefix + unit.repeat(Math.ceil(length / unit.length))).slice(0, length);
  const lines = {
    prose: fill('', '政府信息公开工作，2019 年 1,234.5 元 '),
    'heading without 。': fill('（一）', '政 '),
    'bold heading never closed': fill('## **一、', '政*'),
    'note never closed': fill('（本列数据的勾稽关系为：', '第一项加第二项之和'),
    'tab row of numbers': fill('', '0\t'),
    'tab row of labels': fill('', '申请 \t'),
    'one long label cell': fill('\t', '数 '),
    'almost numbers': fill('\t', '1,23'),
    'almost units': fill('\t', '1（元'),
    'pipe row of numbers': fill('', '| 0 '),
    'pipe row of labels': fill('', '| 申请 '),
    'escaped pipes': fill('|', '\\|'),
    'almost captions': fill('', '第二十条第（一'),
    'almost appendix': fill('附', '件'),
    'almost statistics caption': fill('', '统计'),
    parentheses: fill('', '（（（（1'),
    stars: fill('', '*'),
  };
  for (const [shape, line] of Object.entries(lines)) {
    for (const grammar of [govreport, markdown]) {
      const started = performance.now();
      const result = grammar.tokenizeLine(line, INITIAL);
      const elapsed = performance.now() - started;
      assert.equal(result.stoppedEarly, false, shape);
      assert.ok(elapsed < 2000, `${shape}: ${elapsed} ms`);
    }
  }
});
