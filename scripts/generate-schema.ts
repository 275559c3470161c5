// Writes schemas/govreportrc.schema.json, the govreport.rules setting of package.json with its
// texts in package.nls*.json, and the README's rule table, from the rule registry (npm run schema).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchema } from '../server/src/config/config';
import { rules } from '../server/src/rules';
import { ruleTable, withRuleTable } from './rule-table';
import { ruleSettingProperties, ruleSettingTexts, rulesSettingOf, withRuleSettingTexts } from './rule-settings';

const root = join(__dirname, '..');
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));
const writeJson = (file: string, value: unknown) => writeFileSync(join(root, file), JSON.stringify(value, null, 2) + '\n');

writeJson('schemas/govreportrc.schema.json', configJsonSchema(rules));

const manifest = readJson('package.json');
rulesSettingOf(manifest).properties = ruleSettingProperties(rules);
writeJson('package.json', manifest);

for (const [file, locale] of [
  ['package.nls.json', 'en'],
  ['package.nls.zh-cn.json', 'zh-cn'],
] as const) {
  writeJson(file, withRuleSettingTexts(readJson(file), ruleSettingTexts(rules, locale)));
}

const readme = join(root, 'README.md');
void withRuleTable(readFileSync(readme, 'utf8'), ruleTable(rules), readme).then((text) => writeFileSync(readme, text));
