/**
 * Custom requests behind the template commands of the client: the statutory tables to choose from,
 * a table as a snippet, a new report of the right era, and converting the table at the cursor.
 */
import type { Connection } from 'vscode-languageserver';
import { convertTable, isExtracted, tableAt } from '../engine/table-layout';
import type { Report } from '../engine/types';
import { formatById, formatForYear } from '../formats';
import { SNIPPET_FORMATS, tableSnippet } from '../rules/snippets';
import { renderReport } from '../template/text';
import { parsed, type guardWith } from './guard';
import { anyParams, convertTableParams, newReportParams, tableSnippetParams } from './params';
import { CONVERT_TABLE, NEW_REPORT, TABLE_SNIPPET, TEMPLATES, type ConvertTableResult, type TemplateChoice } from './protocol';

/** `reportOf` answers an open report with the document version it was read from. */
export function registerTemplateRequests(
  connection: Connection,
  guard: ReturnType<typeof guardWith>,
  reportOf: (uri: string) => Promise<{ report: Report; version: number } | undefined>,
): void {
  connection.onRequest(
    TEMPLATES,
    guard(
      'templates',
      [] as TemplateChoice[],
      parsed(anyParams, () =>
        SNIPPET_FORMATS.map((id) => {
          const format = formatById(id);
          return {
            format: id,
            formatName: format.name,
            tables: format.tables.map((t) => ({ id: t.id, name: t.caption ?? t.name, prefix: tableSnippet(format, t, 'tsv').prefix })),
          };
        }),
      ),
    ),
  );
  connection.onRequest(
    TABLE_SNIPPET,
    guard(
      'tableSnippet',
      null as string | null,
      parsed(tableSnippetParams, ({ format, table, syntax }) => {
        const definition = formatById(format).tables.find((t) => t.id === table);
        return definition ? tableSnippet(formatById(format), definition, syntax).body.join('\n') : null;
      }),
    ),
  );
  connection.onRequest(
    NEW_REPORT,
    guard(
      'newReport',
      '',
      parsed(newReportParams, ({ organ, year }) => renderReport(formatForYear(year), { organ, year, syntax: 'tsv', number: () => '0' }).join('\n') + '\n'),
    ),
  );
  connection.onRequest(
    CONVERT_TABLE,
    guard(
      'convertTable',
      { version: null, edits: [] } as ConvertTableResult,
      parsed(convertTableParams, async ({ uri, position, to }): Promise<ConvertTableResult> => {
        const open = await reportOf(uri);
        if (!open) return { version: null, edits: [] };
        const table = tableAt(open.report, position.line);
        if (table && isExtracted(table.syntax)) return { version: open.version, edits: [], extracted: true };
        return { version: open.version, edits: table ? convertTable(open.report, table, to) : [] };
      }),
    ),
  );
}
