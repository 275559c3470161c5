/** The Node implementation of the workspace index: reads report files from disk in small batches. */
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bind } from '../engine/bind';
import { looksLikeReport } from '../engine/detect';
import { parseReport } from '../engine/structure';
import type { WorkspaceIndex } from '../lsp/workspace-index';
import { isDated, reportSummary, type DatedSummary } from '../rules/summary';
import { localPath } from './local-path';
import { listFiles, readReportText, TEXT_EXTENSIONS } from './report-files';

const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Files read per turn of the event loop, so that requests are answered in between. */
const BATCH = 16;

export function createNodeWorkspaceIndex(): WorkspaceIndex {
  const summaries = new Map<string, DatedSummary>();
  const listeners: (() => void)[] = [];
  const changed = () => listeners.forEach((l) => l());
  let indexed = Promise.resolve();

  const index = (path: string): boolean => {
    const uri = pathToFileURL(path).href;
    const had = summaries.delete(uri);
    const text = readText(path);
    if (text === undefined || (extname(path) !== '.govreport' && !looksLikeReport(text))) return had;
    const summary = reportSummary(uri, bind(parseReport(text)));
    if (!isDated(summary)) return had;
    summaries.set(uri, summary);
    return true;
  };

  return {
    start(folders) {
      // A folder that is not on this machine's disk (another scheme, a file://host/… URI) has nothing to index.
      const queue = folders.flatMap((f) => {
        const path = localPath(f);
        return path === undefined ? [] : listFiles(path, TEXT_EXTENSIONS);
      });
      let found = false;
      let finished = () => {};
      indexed = new Promise((resolve) => (finished = resolve));
      const step = () => {
        for (const path of queue.splice(0, BATCH)) found = index(path) || found;
        if (queue.length > 0) return void setImmediate(step);
        finished();
        if (found) changed();
      };
      setImmediate(step);
    },
    refresh(uri) {
      const path = localPath(uri);
      if (path !== undefined && TEXT_EXTENSIONS.has(extname(path).toLowerCase()) && index(path)) changed();
    },
    summaries: () => [...summaries.values()],
    indexed: () => indexed,
    onDidChange: (listener) => void listeners.push(listener),
  };
}

/** The file's text; undefined for binary, huge or unreadable files. */
function readText(path: string): string | undefined {
  try {
    return readReportText(path, MAX_FILE_BYTES);
  } catch {
    return undefined;
  }
}
