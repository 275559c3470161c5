import * as z from 'zod/mini';

/** The `govreport.*` settings the server reads; anything invalid falls back to its default. */
export const settingsSchema = z.object({
  contentDetection: z._default(z.boolean(), true),
});

export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});

export function parseSettings(value: unknown): Settings {
  const result = settingsSchema.safeParse(value ?? {});
  return result.success ? result.data : defaultSettings;
}
