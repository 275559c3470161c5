/**
 * The `govreport.rules` setting of package.json and its texts in package.nls*.json, generated from
 * the rule registry like the .govreportrc.json schema (npm run schema; a test fails when they differ).
 * The settings editor lists a rule by its `description` and each severity by its `enumDescriptions`
 * (it reads neither markdownDescription nor markdownEnumDescriptions for the keys of an object
 * setting), so both are plain text.
 */
import { RULE_LEVELS, type RuleLevel } from '../server/src/config/config';
import type { Locale, Rule } from '../server/src/rules';

type RuleInfo = Pick<Rule, 'code' | 'defaultSeverity' | 'description'>;

const LEVEL_TEXTS: Record<RuleLevel, Record<Locale, string>> = {
  error: { 'zh-cn': '错误：在“问题”面板中列为错误', en: 'Error: listed in the Problems panel as an error' },
  warning: { 'zh-cn': '警告：在“问题”面板中列为警告', en: 'Warning: listed in the Problems panel as a warning' },
  info: { 'zh-cn': '信息：在“问题”面板中列为信息', en: 'Information: listed in the Problems panel as information' },
  hint: {
    'zh-cn': '提示：不列入“问题”面板，只在编辑器中以三个小点标出',
    en: 'Hint: not listed in the Problems panel, only marked with three dots in the editor',
  },
  off: { 'zh-cn': '关闭：不做此项检查', en: 'Off: the rule does not run' },
};

const ruleKey = (code: string) => `configuration.rules.${code}`;
const levelKey = (level: RuleLevel) => `configuration.ruleLevel.${level}`;

/** The keys this module writes into package.nls*.json, and only these. */
export const isGeneratedTextKey = (key: string) => key.startsWith('configuration.rules.') || key.startsWith('configuration.ruleLevel.');

/** The `properties` of the `govreport.rules` setting: one per rule, with its severities to choose from. */
export function ruleSettingProperties(rules: readonly RuleInfo[]): Record<string, object> {
  return Object.fromEntries(
    rules.map((r) => [
      r.code,
      {
        type: 'string',
        enum: [...RULE_LEVELS],
        enumDescriptions: RULE_LEVELS.map((level) => `%${levelKey(level)}%`),
        default: r.defaultSeverity,
        description: `%${ruleKey(r.code)}%`,
      },
    ]),
  );
}

/** The texts of those properties in one language. */
export function ruleSettingTexts(rules: readonly RuleInfo[], locale: Locale): Record<string, string> {
  const defaultNote = (severity: string) => (locale === 'en' ? ` (default: ${severity})` : `（默认：${severity}）`);
  return {
    ...Object.fromEntries(rules.map((r) => [ruleKey(r.code), r.description[locale] + defaultNote(r.defaultSeverity)])),
    ...Object.fromEntries(RULE_LEVELS.map((level) => [levelKey(level), LEVEL_TEXTS[level][locale]])),
  };
}

interface ConfigurationCategory {
  properties: Record<string, { properties?: Record<string, object> }>;
}

/** The manifest's `govreport.rules` setting, in whichever configuration category holds it. */
export function rulesSettingOf(manifest: { contributes: { configuration: ConfigurationCategory | ConfigurationCategory[] } }) {
  const categories = [manifest.contributes.configuration].flat();
  const setting = categories.map((c) => c.properties['govreport.rules']).find(Boolean);
  if (!setting) throw new Error('package.json has no govreport.rules setting');
  return setting;
}

/** An nls file's texts with the generated ones replaced, placed after `configuration.rules` (the setting's own description). */
export function withRuleSettingTexts(nls: Record<string, string>, generated: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, text] of Object.entries(nls)) {
    if (isGeneratedTextKey(key)) continue;
    result[key] = text;
    if (key === 'configuration.rules') Object.assign(result, generated);
  }
  return { ...result, ...generated };
}
