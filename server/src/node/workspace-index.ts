/** The Node implementation of the workspace index: reads report files from disk in small batches. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bind } from '../engine/bind';
import { looksLikeReport } from '../engine/detect';
import { parseReport } from '../engine/structure';
import type { WorkspaceIndex } from '../lsp/workspace-index';
import { carrySummary, type CarrySummary } from '../rules/carry-over';
import { localPath } from './local-path';

const EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.govreport']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);
const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Files read per turn of the event loop, so that requests are answered in between. */
const BATCH = 16;

export function createNodeWorkspaceIndex(): WorkspaceIndex {
  const summaries = new Map<string, CarrySummary>();
  const listeners: (() => void)[] = [];
  const changed = () => listeners.forEach((l) => l());

  const index = (path: string): boolean => {
    const uri = pathToFileURL(path).href;
    const had = summaries.delete(uri);
    const text = readText(path);
    if (text === undefined || (extname(path) !== '.govreport' && !looksLikeReport(text))) return had;
    const summary = carrySummary(uri, bind(parseReport(text)));
    if (summary) summaries.set(uri, summary);
    return had || !!summary;
  };

  return {
    start(folders) {
      // A folder that is not on this machine's disk (another scheme, a file://host/… URI) has nothing to index.
      const queue = folders.flatMap((f) => {
        const path = localPath(f);
        return path === undefined ? [] : listReportFiles(path);
      });
      let found = false;
      const step = () => {
        for (const path of queue.splice(0, BATCH)) found = index(path) || found;
        if (queue.length > 0) setImmediate(step);
        else if (found) changed();
      };
      setImmediate(step);
    },
    refresh(uri) {
      const path = localPath(uri);
      if (path !== undefined && EXTENSIONS.has(extname(path)) && index(path)) changed();
    },
    summaries: () => [...summaries.values()],
    onDidChange: (listener) => void listeners.push(listener),
  };
}

function listReportFiles(folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) walk(join(dir, entry.name));
      else if (entry.isFile() && EXTENSIONS.has(extname(entry.name))) files.push(join(dir, entry.name));
    }
  };
  walk(folder);
  return files;
}

/** The file's text, decoded as the CLI does (BOM, else UTF-8, else GB18030); undefined for binary, huge or unreadable files. */
function readText(path: string): string | undefined {
  try {
    if (statSync(path).size > MAX_FILE_BYTES) return undefined;
    const bytes = readFileSync(path);
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
    if (bytes.subarray(0, 8192).includes(0)) return undefined;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return new TextDecoder('gb18030').decode(bytes);
    }
  } catch {
    return undefined;
  }
}
