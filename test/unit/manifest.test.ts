import { SOURCE_EXTENSIONS } from '../../server/src/readers/dispatch';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchema } from '../../server/src/config/config';
import { ruleInfo } from '../../server/src/rules';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const codes = ruleInfo.map((r) => r.code);

test('every rule has a setting with its severities, a documentation page and a row in the README', () => {
  const settings = manifest.contributes.configuration.properties['govreport.rules'].properties;
  assert.deepEqual(Object.keys(settings).sort(), [...codes].sort());
  for (const code of codes) {
    assert.deepEqual(settings[code].enum, ['error', 'warning', 'info', 'hint', 'off'], code);
    assert.ok(existsSync(join(root, 'docs', 'rules', `${code}.md`)), `docs/rules/${code}.md`);
  }
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const code of codes) assert.ok(readme.includes(`| \`${code}\``), `README rule table lacks ${code}`);
});

test('the checked-in JSON schema of .govreportrc.json is what the rule registry generates (npm run schema)', () => {
  assert.equal(readFileSync(join(root, 'schemas', 'govreportrc.schema.json'), 'utf8'), JSON.stringify(configJsonSchema(ruleInfo), null, 2) + '\n');
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
