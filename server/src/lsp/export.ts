/**
 * govreport/exportDocx: the report as a Word document in the official layout, base64 for the client
 * to save, with the report's errors (the client asks the user before saving a report that has any).
 */
import type { Connection } from 'vscode-languageserver';
import * as z from 'zod/mini';
import type { PublishedReport } from '../publish/model';
import type { Locale } from '../rules/types';
import { say } from '../rules/types';
import { encodeBase64 } from './base64';
import { parsed, type guardWith } from './guard';
import { EXPORT_DOCX, type ExportDocxResult } from './protocol';

export type ExportDocx = (report: PublishedReport) => Promise<Uint8Array>;

const exportDocxParams = z.looseObject({ uri: z.string() });

export function registerExportRequest(
  connection: Connection,
  guard: ReturnType<typeof guardWith>,
  exportDocx: ExportDocx | undefined,
  locale: () => Locale,
  /** The document's published layout and its errors as lines; undefined when the server holds no report under the URI. */
  publishedOf: (uri: string) => Promise<{ report: PublishedReport; errors: string[] } | undefined>,
): void {
  const failed = (zh: string, en: string): ExportDocxResult => ({ ok: false, message: say(locale(), zh, en) });
  connection.onRequest(
    EXPORT_DOCX,
    guard(
      EXPORT_DOCX,
      failed('导出失败，详见 govreport 输出面板', 'the export failed: see the govreport output channel'),
      parsed(exportDocxParams, async ({ uri }): Promise<ExportDocxResult> => {
        if (!exportDocx) return failed('导出为 Word 需要桌面版 VS Code，网页版暂不支持', 'exporting to Word needs the desktop VS Code; the web build cannot');
        const published = await publishedOf(uri);
        if (!published) return failed('此文档不是年度报告，无法导出', 'this document is not an annual report and cannot be exported');
        return { ok: true, data: encodeBase64(await exportDocx(published.report)), errors: published.errors };
      }),
    ),
  );
}
