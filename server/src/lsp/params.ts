/**
 * The shapes of the params the server reads, checked at the boundary: a handler runs only on params
 * that parse (see `parsed` in guard.ts). Objects are loose — a client may send more than is read here —
 * and only what the server reads is required.
 */
import * as z from 'zod/mini';
import { formats } from '../formats';
import { APPLY_ALL_FIXES } from './protocol';

const uinteger = z.int().check(z.nonnegative());
export const positionSchema = z.object({ line: uinteger, character: uinteger });
export const rangeSchema = z.object({ start: positionSchema, end: positionSchema });
export const textEditSchema = z.object({ range: rangeSchema, newText: z.string() });
const textDocument = z.looseObject({ uri: z.string() });

export const documentParams = z.looseObject({ textDocument });
export const positionParams = z.looseObject({ textDocument, position: positionSchema });
export const rangeParams = z.looseObject({ textDocument, range: rangeSchema });

const diagnostic = z.looseObject({
  range: rangeSchema,
  message: z.string(),
  source: z.optional(z.string()),
  code: z.optional(z.union([z.string(), z.int()])),
  data: z.optional(z.unknown()),
});
export const codeActionParams = z.looseObject({
  textDocument,
  context: z.looseObject({ diagnostics: z.array(diagnostic), only: z.optional(z.array(z.string())), triggerKind: z.optional(z.number()) }),
});
export const codeActionSchema = z.looseObject({ title: z.string(), data: z.optional(z.unknown()) });

/** The only command: fix-all of the document its argument names. */
export const executeCommandParams = z.looseObject({ command: z.literal(APPLY_ALL_FIXES), arguments: z.tuple([z.string()], z.unknown()) });

export const didChangeWatchedFilesParams = z.looseObject({ changes: z.array(z.looseObject({ uri: z.string() })) });
export const anyParams = z.unknown();

/** The text synchronisation notifications, as TextDocuments reads them: a document is never stored with text that is not a string. */
export const didOpenParams = z.looseObject({
  textDocument: z.looseObject({ uri: z.string(), languageId: z.string(), version: z.int(), text: z.string() }),
});
export const didChangeParams = z.looseObject({
  textDocument: z.looseObject({ uri: z.string(), version: z.int() }),
  contentChanges: z.array(z.union([z.object({ range: rangeSchema, rangeLength: z.optional(uinteger), text: z.string() }), z.object({ text: z.string() })])),
});
export const willSaveParams = z.looseObject({ textDocument, reason: z.literal([1, 2, 3]) });

const tableSyntax = z.enum(['tsv', 'pipe']);
export const tableSnippetParams = z.object({
  format: z.enum(formats.map((f) => f.id)),
  table: z.string(),
  syntax: tableSyntax,
});
export const newReportParams = z.object({ organ: z.string(), year: z.int() });
export const convertTableParams = z.object({ uri: z.string(), position: positionSchema, to: tableSyntax });
export const readSourceParams = z.object({ uri: z.string(), source: z.string(), name: z.string(), data: z.string() });

/**
 * `initialize`, read leniently: a field the client sends wrong is taken as absent (a client that
 * cannot say what it supports still gets a working server).
 */
const lenient = <S extends z.ZodMiniType>(schema: S) => z.catch(z.optional(schema), undefined);
export const initializeParams = z.catch(
  z.object({
    capabilities: lenient(
      z.object({
        workspace: lenient(z.object({ configuration: lenient(z.boolean()) })),
        textDocument: lenient(z.object({ codeAction: lenient(z.object({ resolveSupport: lenient(z.object({ properties: z.array(z.string()) })) })) })),
      }),
    ),
    workspaceFolders: lenient(z.array(z.looseObject({ uri: z.string() }))),
    locale: lenient(z.string()),
  }),
  {},
);
