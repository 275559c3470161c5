import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CancellationToken } from 'vscode-languageserver';
import { checkWorkspace, type WorkspaceCheckHost } from '../../server/src/lsp/workspace-check';
import type { CheckedFile } from '../../server/src/lsp/protocol';

/** A host whose folder holds `files`, each a report without findings; `onRead` is told of each file read. */
function hostOf(files: string[], onRead: (uri: string) => void = () => {}): WorkspaceCheckHost {
  return {
    files: {
      find: () => ({ files, notRead: [] }),
      read: (uri) => {
        onRead(uri);
        return Promise.resolve({ kind: 'text', text: '', languageId: 'plaintext' });
      },
    },
    folders: () => ['file:///reports'],
    locale: () => 'zh-cn',
    ready: () => Promise.resolve(),
    enabled: () => true,
    maxDocumentSize: () => 5_000_000,
    isOpen: () => false,
    // Instant, so that the files all fall in one slice: what is reported was flushed when the check stopped.
    check: () => ({ findings: [] }),
    indexed: () => [],
    log: () => {},
  };
}

test('cancelled while a file is read: that file is finished and reported, no other is read, and the answer says so', async () => {
  let cancelled = false;
  const token: CancellationToken = {
    get isCancellationRequested() {
      return cancelled;
    },
    onCancellationRequested: () => ({ dispose() {} }),
  };
  const read: string[] = [];
  const reported: CheckedFile[] = [];
  const host = hostOf(['file:///reports/a.txt', 'file:///reports/b.txt', 'file:///reports/c.txt'], (uri) => {
    read.push(uri);
    if (uri.endsWith('b.txt')) cancelled = true;
  });
  const result = await checkWorkspace(host, {}, token, (_done, _total, files) => reported.push(...files));
  assert.deepEqual(read, ['file:///reports/a.txt', 'file:///reports/b.txt']);
  assert.deepEqual(
    reported.map((f) => f.uri),
    ['file:///reports/a.txt', 'file:///reports/b.txt'],
  );
  assert.ok(result.ok);
  assert.equal(result.cancelled, true);
  assert.equal(result.files, 2);
  assert.equal(result.reports, 2);
});
