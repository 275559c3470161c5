import { SOURCE_EXTENSIONS } from '../../server/src/readers/dispatch';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchema } from '../../server/src/config/config';
import { rules } from '../../server/src/rules';
import { snippets } from '../../server/src/rules/snippets';
import { isGeneratedTextKey, ruleSettingProperties, ruleSettingTexts, rulesSettingOf } from '../../scripts/rule-settings';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const codes = rules.map((r) => r.code);
const nlsOf = (file: string): Record<string, string> => JSON.parse(readFileSync(join(root, file), 'utf8'));

test('every rule has a setting with its severities, a documentation page and a row in the README', () => {
  const settings = rulesSettingOf(manifest).properties!;
  assert.deepEqual(Object.keys(settings).sort(), [...codes].sort());
  for (const code of codes) {
    assert.deepEqual((settings[code] as { enum: string[] }).enum, ['error', 'warning', 'info', 'hint', 'off'], code);
    assert.ok(existsSync(join(root, 'docs', 'rules', `${code}.md`)), `docs/rules/${code}.md`);
  }
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const code of codes) assert.ok(readme.includes(`| \`${code}\``), `README rule table lacks ${code}`);
});

test('the checked-in JSON schema of .govreportrc.json is what the rule registry generates (npm run schema)', () => {
  assert.equal(readFileSync(join(root, 'schemas', 'govreportrc.schema.json'), 'utf8'), JSON.stringify(configJsonSchema(rules), null, 2) + '\n');
});

test('the govreport.rules setting and its texts in both languages are what the rule registry generates (npm run schema)', () => {
  assert.deepEqual(rulesSettingOf(manifest).properties, ruleSettingProperties(rules), 'package.json is stale: run npm run schema');
  for (const [file, locale] of [
    ['package.nls.json', 'en'],
    ['package.nls.zh-cn.json', 'zh-cn'],
  ] as const) {
    const generated = Object.entries(nlsOf(file)).filter(([key]) => isGeneratedTextKey(key));
    assert.deepEqual(Object.fromEntries(generated), ruleSettingTexts(rules, locale), `${file} is stale: run npm run schema`);
  }
  // What the settings editor shows for a rule, in Chinese.
  assert.equal(nlsOf('package.nls.zh-cn.json')['configuration.rules.table.sum-mismatch'], '合计数与其各分项之和不符（默认：error）');
});

test('under a Chinese UI, every command is listed under a Chinese category and every settings category has a Chinese heading', () => {
  const zh = nlsOf('package.nls.zh-cn.json');
  const categories = new Set((manifest.contributes.commands as { category: string }[]).map((c) => c.category));
  assert.deepEqual([...categories], ['%command.category%']);
  assert.equal(zh['command.category'], '政府信息公开年报');
  const settingCategories = manifest.contributes.configuration as { id: string; title: string }[];
  assert.deepEqual(
    settingCategories.map((c) => zh[/^%(.+)%$/.exec(c.title)![1]]),
    ['检查', '识别报告', '显示'],
  );
  // The settings editor drops the part of a setting's key that its category's id starts with: Enable, not Govreport: Enable.
  for (const { id } of settingCategories) assert.match(id, /^govreport\./);
});

test('every %key% of the manifest is translated in English and Chinese', () => {
  const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
    const nls = JSON.parse(readFileSync(join(root, file), 'utf8'));
    for (const key of keys) assert.ok(nls[key], `${file} lacks ${key}`);
  }
});

// That the client registers every contributed command is checked in a real VS Code (test/e2e/suite/commands.test.ts).
test('every command is contributed with a title, and every menu entry names a contributed command', () => {
  const commands = manifest.contributes.commands.map((c: { command: string }) => c.command);
  for (const command of manifest.contributes.commands as { command: string; title?: string }[]) assert.ok(command.title, `${command.command} has no title`);
  for (const entries of Object.values(manifest.contributes.menus) as { command: string }[][]) {
    for (const entry of entries) assert.ok(commands.includes(entry.command), entry.command);
  }
});

test('the menus offering Open as report name exactly the extensions the readers read', () => {
  const entries = ['explorer/context', 'editor/title/context'].flatMap((menu) =>
    (manifest.contributes.menus[menu] as { command: string; when: string }[]).filter((e) => e.command === 'govreport.openAsReport'),
  );
  assert.equal(entries.length, 2);
  for (const { when } of entries) {
    const pattern = /=~ \/(.*)\/(\w*)$/.exec(when)!;
    const regex = new RegExp(pattern[1], pattern[2]);
    for (const ext of SOURCE_EXTENSIONS) assert.ok(regex.test(ext) && regex.test(ext.toUpperCase()), `${when} misses ${ext}`);
    for (const ext of ['.txt', '.md', '.govreport', '.xlsx', '.pdfx']) assert.ok(!regex.test(ext), `${when} takes ${ext}`);
  }
});

interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string };
  completionEvents?: string[];
}
const walkthroughSteps = (): WalkthroughStep[] => (manifest.contributes.walkthroughs ?? []).flatMap((w: { steps: WalkthroughStep[] }) => w.steps);
/** The languages of the walkthrough: VS Code shows NAME.nls.zh-cn.md in place of NAME.md under a Chinese UI. */
const walkthroughLanguages = [
  { nls: 'package.nls.json', media: (path: string) => path },
  { nls: 'package.nls.zh-cn.json', media: (path: string) => path.replace(/\.md$/, '.nls.zh-cn.md') },
];
const commandIds = () => new Set((manifest.contributes.commands as { command: string }[]).map((c) => c.command));

test('the walkthrough: every step has a Markdown page in English and Chinese, and its texts in both nls files', () => {
  const steps = walkthroughSteps();
  assert.deepEqual(
    steps.map((s) => s.id),
    ['openReport', 'newReport', 'insertTable', 'fixTotal', 'checkFolder', 'settings'],
  );
  for (const { nls, media } of walkthroughLanguages) {
    const texts = nlsOf(nls);
    for (const step of steps) {
      assert.ok(step.media.markdown, `${step.id} has a Markdown page`);
      assert.ok(existsSync(join(root, media(step.media.markdown))), `${media(step.media.markdown)} is missing`);
      for (const text of [step.title, step.description]) assert.ok(texts[/^%(.+)%$/.exec(text)?.[1] ?? ''], `${nls} lacks ${text}`);
    }
  }
});

test('the walkthrough links and waits for contributed commands only, and names existing snippet prefixes', () => {
  const steps = walkthroughSteps();
  const pages = walkthroughLanguages.flatMap(({ nls, media }) => [
    ...steps.map((s) => nlsOf(nls)[s.description.slice(1, -1)]),
    ...steps.map((s) => readFileSync(join(root, media(s.media.markdown!)), 'utf8')),
  ]);
  const linked = pages.flatMap((text) => [...text.matchAll(/\(command:(govreport\.[\w.]+)/g)].map((m) => m[1]));
  const awaited = steps.flatMap((s) => s.completionEvents ?? []).flatMap((e) => (e.startsWith('onCommand:') ? [e.slice('onCommand:'.length)] : []));
  assert.ok(linked.length >= 7 && awaited.length >= 5);
  for (const command of [...linked, ...awaited]) assert.ok(commandIds().has(command), `${command} is not contributed`);
  const prefixes = new Set(Object.values(snippets('tsv')).map((s) => s.prefix));
  const named = pages.flatMap((text) => text.match(/\bgr\d\d-[a-z0-9-]+/g) ?? []);
  assert.ok(named.length > 0);
  for (const prefix of named) assert.ok(prefixes.has(prefix), `${prefix} is not a snippet prefix`);
});
