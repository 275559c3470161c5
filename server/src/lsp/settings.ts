import * as z from 'zod/mini';
import { parseConfig, type Config } from '../config/config';
import { rules } from '../rules';

/** The `govreport.*` settings the server reads; each invalid one falls back to its default. */
const settingsSchema = z.object({
  enable: z.catch(z._default(z.boolean(), true), true),
  contentDetection: z.catch(z._default(z.boolean(), true), true),
  /** Above this many bytes (UTF-8) a document gets the outline only. */
  maxDocumentSize: z.catch(z._default(z.number().check(z.positive()), 5_000_000), 5_000_000),
  inlayHints: z.catch(z._default(z.object({ enabled: z.catch(z._default(z.boolean(), true), true) }), { enabled: true }), { enabled: true }),
});

export type Settings = z.infer<typeof settingsSchema> & {
  /** `govreport.rules`, `govreport.assumeFormat` and `govreport.plausibility`, validated as `.govreportrc.json` is. */
  config: Config;
  problems: string[];
};

/** The settings from the client's `govreport` section: anything but an object (absent, null, an array…) counts as no settings. */
export function parseSettings(value: unknown): Settings {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  const input = isObject ? (value as Record<string, unknown>) : {};
  const base = settingsSchema.parse(input);
  const { config, problems } = parseConfig(
    { rules: input.rules, assumeFormat: input.assumeFormat, plausibility: input.plausibility },
    rules.map((r) => r.code),
  );
  return {
    ...base,
    config,
    problems: isObject || value === undefined || value === null ? problems : ['the govreport settings must be an object', ...problems],
  };
}

export const defaultSettings: Settings = parseSettings({});
