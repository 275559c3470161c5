/**
 * Configuration shared by the editor and the CLI: the severity of each rule (or off), and the
 * format to assume when a report does not tell. Read from the workspace file `.govreportrc.json`
 * and, in the editor, from the `govreport.*` settings. Invalid entries are dropped, each with a
 * message, never the whole configuration.
 */
import * as z from 'zod/mini';

export const RULE_LEVELS = ['error', 'warning', 'info', 'hint', 'off'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

export const configSchema = z.object({
  /** Severity per rule code; `off` silences a rule. */
  rules: z.optional(z.record(z.string(), z.enum(RULE_LEVELS))),
  /** The format to assume when neither the title, the statistical period nor the tables tell. */
  assumeFormat: z.optional(z.enum(['2021', '2019', '2008'])),
});

export type Config = z.infer<typeof configSchema>;

/** The workspace configuration file, read by the CLI and the editor alike. */
export const CONFIG_FILE = '.govreportrc.json';

export interface ConfigFile {
  path: string;
  config: Config;
  /** Problems in the file; a file that is not JSON has one, and an empty config. */
  problems: string[];
}

export interface ParsedConfig {
  config: Config;
  /** What was wrong with the input, one message per problem. */
  problems: string[];
}

/** Validates a configuration object, keeping every valid entry. */
export function parseConfig(value: unknown, knownRules: readonly string[]): ParsedConfig {
  const problems: string[] = [];
  const config: Config = {};
  if (value === undefined || value === null) return { config, problems };
  if (typeof value !== 'object' || Array.isArray(value)) return { config, problems: ['the configuration must be a JSON object'] };
  const input = value as Record<string, unknown>;
  for (const key of Object.keys(input)) if (!['rules', 'assumeFormat', '$schema'].includes(key)) problems.push(`unknown key "${key}"`);
  if (input.assumeFormat !== undefined) {
    const parsed = configSchema.shape.assumeFormat.safeParse(input.assumeFormat);
    if (parsed.success) config.assumeFormat = parsed.data;
    else problems.push(`"assumeFormat" must be one of 2021, 2019, 2008`);
  }
  if (input.rules !== undefined) {
    if (typeof input.rules !== 'object' || input.rules === null || Array.isArray(input.rules)) problems.push('"rules" must be an object');
    else {
      config.rules = {};
      for (const [code, level] of Object.entries(input.rules)) {
        if (!knownRules.includes(code)) problems.push(`unknown rule "${code}"`);
        else if (!(RULE_LEVELS as readonly unknown[]).includes(level))
          problems.push(`rule "${code}": "${String(level)}" is not one of ${RULE_LEVELS.join(', ')}`);
        else config.rules[code] = level as RuleLevel;
      }
    }
  }
  return { config, problems };
}

/** Later configurations win: defaults < .govreportrc.json < editor settings. */
export function mergeConfigs(...configs: Config[]): Config {
  const merged: Config = {};
  for (const c of configs) {
    if (c.assumeFormat) merged.assumeFormat = c.assumeFormat;
    if (c.rules) merged.rules = { ...merged.rules, ...c.rules };
  }
  return merged;
}

/** The JSON schema of `.govreportrc.json`, for completion and validation in the editor. */
export function configJsonSchema(rules: readonly { code: string; defaultSeverity: string; description: Record<'zh-cn' | 'en', string> }[]): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'govreport configuration (.govreportrc.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      assumeFormat: {
        description: '报告未写明年度时假定的格式 / The format to assume when the report does not tell',
        enum: ['2021', '2019', '2008'],
      },
      rules: {
        description: '各规则的严重程度，off 为关闭 / Severity per rule, or off',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          rules.map((r) => [
            r.code,
            { description: `${r.description['zh-cn']} / ${r.description.en} (default: ${r.defaultSeverity})`, enum: [...RULE_LEVELS] },
          ]),
        ),
      },
    },
  };
}
