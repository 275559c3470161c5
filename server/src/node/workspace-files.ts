/** The workspace's files on this machine's disk, for govreport/checkWorkspace: report text files, and PDF, Word and web-page sources. */
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { convertSourceFile, isSourceFile } from '../cli/source-file';
import { isReadError } from '../readers/model';
import { SOURCE_EXTENSIONS } from '../readers/dispatch';
import type { Locale } from '../rules';
import { say } from '../rules/types';
import type { FileContent, WorkspaceFiles } from '../lsp/workspace-check';
import { localPath } from './local-path';
import { IrregularFileError, readErrorText } from './regular-file';
import { listFiles, readReportText, TEXT_EXTENSIONS } from './report-files';

const REPORT_EXTENSIONS: ReadonlySet<string> = new Set([...TEXT_EXTENSIONS, ...SOURCE_EXTENSIONS]);

export function createNodeWorkspaceFiles(): WorkspaceFiles {
  return {
    find(folders, locale) {
      const files = new Set<string>();
      const notRead: { uri: string; reason: string }[] = [];
      for (const folder of folders) {
        // A folder that is not on this machine's disk (another scheme, a file://host/… URI) has no files here.
        const path = localPath(folder);
        if (path === undefined) continue;
        const unreadable = (dir: string, error: unknown) => notRead.push({ uri: pathToFileURL(dir).href, reason: readErrorText(error, locale) });
        // Nested workspace folders list a file twice: it is checked once.
        for (const file of listFiles(path, REPORT_EXTENSIONS, unreadable)) files.add(pathToFileURL(file).href);
      }
      return { files: [...files].sort(), notRead };
    },
    read: (uri, maxTextBytes, locale) => read(uri, maxTextBytes, locale),
  };
}

async function read(uri: string, maxTextBytes: number, locale: Locale): Promise<FileContent> {
  const path = localPath(uri);
  if (path === undefined) return { kind: 'not-read', reason: say(locale, '不是本机上的文件', 'not a file on this machine') };
  try {
    if (isSourceFile(path)) {
      const converted = await convertSourceFile(path, 'md');
      return { kind: 'source', source: converted.kind, text: converted.text, places: converted.sources };
    }
    const extension = extname(path).toLowerCase();
    const text = readReportText(path, maxTextBytes);
    if (text === undefined) return { kind: 'not-read', reason: say(locale, '二进制文件', 'binary file') };
    return {
      kind: 'text',
      text,
      languageId: extension === '.govreport' ? 'govreport' : extension === '.md' || extension === '.markdown' ? 'markdown' : 'plaintext',
    };
  } catch (error) {
    if (error instanceof IrregularFileError && error.reason === 'too-large') return { kind: 'too-large' };
    // A web page with no report in it is not a report, as in the CLI; every other reading error says why.
    if (isReadError(error))
      return error.reason === 'no-report' ? { kind: 'not-report', reason: error.messages[locale] } : { kind: 'not-read', reason: error.messages[locale] };
    return { kind: 'not-read', reason: readErrorText(error, locale) };
  }
}
