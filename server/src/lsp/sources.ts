/**
 * PDF, Word and web-page sources in the editor: the client sends a source's bytes, the server
 * converts them (the same readers as the CLI) and remembers, for the document the client then
 * opens, where each of its lines came from — so every finding names its place in the source.
 */
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { ConvertedSource } from '../readers/dispatch';
import { isReadError, type SourcePlace } from '../readers/model';
import { describePlace, placeOfLine } from '../readers/places';
import type { TextForm } from '../readers/render';
import type { Locale } from '../rules/types';
import { decodeBase64 } from './base64';
import { InvalidParams, parsed, type guardWith } from './guard';
import { readSourceParams } from './params';
import { READ_SOURCE, type ReadSourceResult } from './protocol';

export type ConvertSource = (bytes: Uint8Array, name: string, form: TextForm) => Promise<ConvertedSource>;

export interface SourceDocuments {
  /** Each diagnostic of a converted document gains the place in the source as related information. */
  withPlaces(uri: string, diagnostics: Diagnostic[]): Diagnostic[];
  /** The converted document was closed. */
  forget(uri: string): void;
}

export function registerSourceRequests(
  connection: Connection,
  guard: ReturnType<typeof guardWith>,
  convert: ConvertSource | undefined,
  locale: () => Locale,
): SourceDocuments {
  const converted = new Map<string, { source: string; places: (SourcePlace | undefined)[] }>();
  const failed = (reason: string, zh: string, en: string): ReadSourceResult => ({ ok: false, reason, message: locale() === 'zh-cn' ? zh : en });
  connection.onRequest(
    READ_SOURCE,
    guard(
      READ_SOURCE,
      failed('corrupt', '读取失败，详见 govreport 输出面板', 'reading failed: see the govreport output channel'),
      parsed(readSourceParams, async (params): Promise<ReadSourceResult> => {
        if (!convert) return failed('needs-desktop', '此版本不能读取 PDF、Word 或网页文件', 'this build cannot read PDF, Word or web-page files');
        const bytes = bytesOf(params.data);
        try {
          const result = await convert(bytes, params.name, 'md');
          converted.set(params.uri, { source: params.source, places: result.sources });
          return { ok: true, kind: result.kind, text: result.text, notes: result.notes.map((n) => n.message[locale()]) };
        } catch (error) {
          if (isReadError(error)) return { ok: false, reason: error.reason, message: error.messages[locale()] };
          throw error;
        }
      }),
    ),
  );
  return {
    withPlaces(uri, diagnostics) {
      const document = converted.get(uri);
      return document ? withPlacesIn(document.source, document.places, diagnostics, locale()) : diagnostics;
    },
    forget: (uri) => converted.delete(uri),
  };
}

function bytesOf(base64: string): Uint8Array {
  try {
    return decodeBase64(base64);
  } catch {
    throw new InvalidParams('data: not base64');
  }
}

/** Each diagnostic of a converted report gains, as related information, the place in its source (`source`, a URI) its line came from. */
export function withPlacesIn(source: string, places: readonly (SourcePlace | undefined)[], diagnostics: Diagnostic[], locale: Locale): Diagnostic[] {
  for (const diagnostic of diagnostics) {
    const place = placeOfLine(places, diagnostic.range.start.line);
    if (!place) continue;
    const message = locale === 'zh-cn' ? `原文${describePlace(place, locale)}` : `in the source: ${describePlace(place, locale)}`;
    const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    diagnostic.relatedInformation = [...(diagnostic.relatedInformation ?? []), { location: { uri: source, range: at }, message }];
  }
  return diagnostics;
}
