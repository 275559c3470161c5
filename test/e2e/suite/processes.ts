import { execFileSync } from 'node:child_process';

/**
 * The language servers of this extension host: processes below it (the tests run in the extension
 * host) whose command line runs the extension's dist/server.js.
 */
export function languageServers(serverModule: string): number[] {
  const processes = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .flatMap((line) => {
      const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
      return m ? [{ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }] : [];
    });
  const below = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of processes) {
      if (below.has(p.ppid) && !below.has(p.pid)) {
        below.add(p.pid);
        grew = true;
      }
    }
  }
  return processes.filter((p) => p.pid !== process.pid && below.has(p.pid) && p.args.includes(serverModule)).map((p) => p.pid);
}
