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
  /** The thresholds of value.implausible; each left out keeps its default. */
  plausibility: z.optional(
    z.object({
      ratio: z.optional(z.number()),
      minCount: z.optional(z.number()),
      feeWanYuan: z.optional(z.number()),
      otherShare: z.optional(z.number()),
    }),
  ),
  /** The units whose reports a roll-up expects (`govreport rollup`): one with no report is listed as missing. */
  units: z.optional(z.array(z.string())),
});

export type Plausibility = Required<NonNullable<Config['plausibility']>>;

/**
 * value.implausible's defaults: a figure 5× or ⅕ of last year's (both at least 20); fees of 20亿元
 * (200000 万元) or more — real cities' reports state up to about 10亿元 (淮安市 2024: 96171.6 万元),
 * while a 元 figure written under 万元 is 10000 times too large, so that 20万元 of fees already
 * reads as 20亿元; （六）其他处理 above a fifth of （七）总计 (at least 10).
 */
export const PLAUSIBILITY_DEFAULTS: Plausibility = { ratio: 5, minCount: 20, feeWanYuan: 200000, otherShare: 0.2 };

/** What each threshold must be, for its problem message. */
const PLAUSIBILITY_CHECKS: Record<keyof Plausibility, [(n: number) => boolean, string]> = {
  ratio: [(n) => n > 1, 'a number above 1'],
  minCount: [(n) => n >= 0, 'a number of at least 0'],
  feeWanYuan: [(n) => n > 0, 'a positive number'],
  otherShare: [(n) => n > 0 && n <= 1, 'a number above 0, at most 1'],
};

/** The thresholds in force: the configured ones over the defaults. */
export function plausibility(config: Config): Plausibility {
  return { ...PLAUSIBILITY_DEFAULTS, ...config.plausibility };
}

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
  for (const key of Object.keys(input)) if (!['rules', 'assumeFormat', 'plausibility', 'units', '$schema'].includes(key)) problems.push(`unknown key "${key}"`);
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
  if (input.plausibility !== undefined) {
    const parsed = parsePlausibility(input.plausibility);
    problems.push(...parsed.problems);
    if (parsed.value) config.plausibility = parsed.value;
  }
  if (input.units !== undefined) {
    const parsed = configSchema.shape.units.safeParse(input.units);
    if (parsed.success) config.units = parsed.data;
    else problems.push('"units" must be an array of organ names');
  }
  return { config, problems };
}

function parsePlausibility(input: unknown): { value?: Config['plausibility']; problems: string[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { problems: ['"plausibility" must be an object'] };
  const problems: string[] = [];
  const value: NonNullable<Config['plausibility']> = {};
  for (const [key, threshold] of Object.entries(input)) {
    if (!(key in PLAUSIBILITY_CHECKS)) {
      problems.push(`unknown key "plausibility.${key}"`);
      continue;
    }
    const [valid, what] = PLAUSIBILITY_CHECKS[key as keyof Plausibility];
    if (typeof threshold === 'number' && Number.isFinite(threshold) && valid(threshold)) value[key as keyof Plausibility] = threshold;
    else problems.push(`"plausibility.${key}" must be ${what}`);
  }
  return { value, problems };
}

/** Later configurations win: defaults < .govreportrc.json < editor settings. */
export function mergeConfigs(...configs: Config[]): Config {
  const merged: Config = {};
  for (const c of configs) {
    if (c.assumeFormat) merged.assumeFormat = c.assumeFormat;
    if (c.rules) merged.rules = { ...merged.rules, ...c.rules };
    if (c.plausibility) merged.plausibility = { ...merged.plausibility, ...c.plausibility };
    // A folder's list of units replaces its parent's: each level of government has its own.
    if (c.units) merged.units = c.units;
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
      plausibility: {
        description: 'value.implausible 的阈值 / Thresholds of value.implausible',
        type: 'object',
        additionalProperties: false,
        properties: {
          ratio: {
            description: "与上年相比超过几倍或不足几分之一时提示 / Flag a figure more than this many times, or under this fraction of, last year's",
            type: 'number',
            exclusiveMinimum: 1,
            default: PLAUSIBILITY_DEFAULTS.ratio,
          },
          minCount: {
            description: "两年的数都不少于此数时才比较 / Compare only when both years' counts are at least this",
            type: 'number',
            minimum: 0,
            default: PLAUSIBILITY_DEFAULTS.minCount,
          },
          feeWanYuan: {
            description: '本年收费金额（万元）不低于此数时提示可能误将元填作万元 / Fees (万元) from which a 元/万元 slip is suspected',
            type: 'number',
            exclusiveMinimum: 0,
            default: PLAUSIBILITY_DEFAULTS.feeWanYuan,
          },
          otherShare: {
            description: '（六）其他处理占（七）总计超过此比例时提示 / Flag （六）其他处理 above this share of （七）总计',
            type: 'number',
            exclusiveMinimum: 0,
            maximum: 1,
            default: PLAUSIBILITY_DEFAULTS.otherShare,
          },
        },
      },
      units: {
        description: '汇总下级报告时应有报告的单位 / The units whose reports a roll-up expects',
        type: 'array',
        items: { type: 'string', minLength: 1 },
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
