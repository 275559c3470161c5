import type { DatedSummary } from '../rules/summary';

/**
 * The reports of the workspace that are not open, summarised for the checks that need other
 * documents (report.carry-over, report.copied-text…). Built in the background: checks never wait for it, and it tells
 * when it has learned something new so that diagnostics can be pulled again.
 */
export interface WorkspaceIndex {
  /** Starts indexing the workspace folders (file URIs). */
  start(folders: readonly string[]): void;
  /** A file changed, appeared or went away on disk. */
  refresh(uri: string): void;
  /** The reports that tell their organ and year: those the others can be compared with. */
  summaries(): readonly DatedSummary[];
  /** Settles once the folders given to `start` are indexed (at once before `start`). */
  indexed(): Promise<void>;
  onDidChange(listener: () => void): void;
}

export type WorkspaceIndexFactory = () => WorkspaceIndex;
