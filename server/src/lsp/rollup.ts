/**
 * 汇总下级报告 in the editor: the folder's reports read as the workspace check reads them (an open
 * report as it is in the editor, a PDF, Word file or web page converted) and rolled up (rules/rollup.ts).
 */
import type { Connection } from 'vscode-languageserver';
import * as z from 'zod/mini';
import { CONFIG_FILE, type Config } from '../config/config';
import { looksLikeReport } from '../engine/detect';
import type { Locale } from '../rules';
import { latestYear, reportYear, rollUp, rollupInput, type RollupInput } from '../rules/rollup';
import { say } from '../rules/types';
import { parsed, type guardWith } from './guard';
import { ROLLUP, type RollupParams, type RollupResult } from './protocol';
import { LANGUAGE_ID } from './served';
import type { WorkspaceFiles } from './workspace-check';

export interface RollupHost {
  files: WorkspaceFiles | undefined;
  locale(): Locale;
  maxDocumentSize(): number;
  /** The configuration that applies to a document at `uri`: its `.govreportrc.json` and the settings. */
  configOf(uri: string): Config;
  /** The text of a document open in the editor. */
  openText(uri: string): string | undefined;
}

const paramsSchema = z.looseObject({ folder: z.string(), year: z.optional(z.int()), organ: z.optional(z.string()) });

export function registerRollupRequest(connection: Connection, guard: ReturnType<typeof guardWith>, host: RollupHost): void {
  connection.onRequest(ROLLUP, (params: unknown) =>
    guard<unknown, RollupResult>(
      ROLLUP,
      { ok: false, message: say(host.locale(), '汇总出错，详见 govreport 输出面板', 'the roll-up failed: see the govreport output channel') },
      parsed(paramsSchema, (p) => rollupFolder(host, p)),
    )(params),
  );
}

export async function rollupFolder(host: RollupHost, { folder, year, organ }: RollupParams): Promise<RollupResult> {
  const locale = host.locale();
  if (!host.files)
    return {
      ok: false,
      message: say(locale, '此版本不能读取文件夹中的文件（网页版 VS Code）', 'this build cannot read the files of a folder (VS Code for the Web)'),
    };
  const base = folder.replace(/\/+$/, '');
  const config = host.configOf(`${base}/${CONFIG_FILE}`);
  const inputs: RollupInput[] = [];
  for (const uri of host.files.find([base], locale).files) {
    const text = host.openText(uri) ?? (await readReport(host.files, uri, host.maxDocumentSize(), locale));
    if (text !== undefined) inputs.push(rollupInput(decodeURIComponent(uri.slice(base.length + 1)), text, config));
  }
  const years = [...new Set(inputs.map((i) => reportYear(i.bound)).filter((y) => y !== undefined))].sort((a, b) => b - a);
  const suggested = decodeURIComponent(base.slice(base.lastIndexOf('/') + 1));
  const chosen = year ?? latestYear(inputs.map((i) => i.bound));
  if (organ === undefined || chosen === undefined) return { ok: true, years, organ: suggested };
  const rollup = rollUp(inputs, chosen, { organ, units: config.units, syntax: 'tsv' });
  return {
    ok: true,
    years,
    organ: suggested,
    rollup: {
      year: chosen,
      text: rollup.text,
      summed: rollup.summed.map((s) => s.organ),
      leftOut: rollup.leftOut.map((l) => ({ name: l.name, reason: l.reason[locale] })),
      missing: rollup.missing,
    },
  };
}

/** A file's report text, or undefined when it is not a report or cannot be read. */
async function readReport(files: WorkspaceFiles, uri: string, maxBytes: number, locale: Locale): Promise<string | undefined> {
  const content = await files.read(uri, maxBytes, locale);
  if (content.kind === 'text') return content.languageId === LANGUAGE_ID || looksLikeReport(content.text) ? content.text : undefined;
  return content.kind === 'source' && looksLikeReport(content.text) ? content.text : undefined;
}
