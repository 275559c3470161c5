/**
 * Property-based test of what `--fix` writes (cli/files.ts writeReportFile → cli/replace-file.ts):
 * over random combinations of a file reached through a symbolic link or with a second hard link,
 * read-only or writable modes, a foreign owner (as root), undecodable bytes, an edit or an editor's
 * rename-save while it was being checked, and symbolic links planted beside it, a write either
 * lands in the one file named — its links, mode and owner kept, no other file touched, no temporary
 * file left — or is refused for the right reason, with every file byte for byte as it was.
 * Reproducible from FUZZ_SEED; FUZZ_SCALE multiplies the runs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { readReportFile, writeReportFile } from '../../server/src/cli/files';
import { WriteRefused, type Refusal } from '../../server/src/cli/replace-file';
import { tempFolder } from '../support/temp';

const SEED = Number(process.env.FUZZ_SEED ?? 20240611) + 100;
const RUNS = Math.max(1, Math.round(300 * Number(process.env.FUZZ_SCALE ?? 1)));
const isRoot = process.getuid?.() === 0;

interface Case {
  reach: 'direct' | 'symlink' | 'hardlink' | 'symlink to hardlink';
  mode: number;
  foreignOwner: boolean;
  strayByte: boolean;
  meanwhile: 'nothing' | 'edited' | 'rename-saved';
  planted: number;
  text: string;
  fixedText: string;
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  reach: fc.constantFrom('direct', 'symlink', 'hardlink', 'symlink to hardlink'),
  mode: fc.constantFrom(0o644, 0o600, 0o640, 0o664, 0o444, 0o400, 0o755),
  foreignOwner: fc.boolean(),
  strayByte: fc.boolean(),
  meanwhile: fc.constantFrom('nothing', 'edited', 'rename-saved'),
  planted: fc.nat({ max: 3 }),
  text: fc.string({ unit: fc.constantFrom('政', '府', '信', '息', '公', '开', '1', '\t', '\n', 'a'), minLength: 1, maxLength: 200 }),
  fixedText: fc.string({ unit: fc.constantFrom('年', '度', '报', '告', '2', '\n'), maxLength: 200 }),
});

/** Every file under `dir` (links as links), with its bytes, mode, owner and inode. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path);
      else
        files.set(
          path,
          JSON.stringify(
            [stat.isSymbolicLink(), stat.mode, stat.uid, stat.gid, stat.ino, stat.isFile() ? readFileSync(path).toString('base64') : ''],
            (_, v) => (typeof v === 'bigint' ? String(v) : v),
          ),
        );
    }
  };
  walk(dir);
  return files;
}

/** The reason a write must be refused in this case, if any, in the order the writer finds them. */
function expectedRefusal(c: Case): Refusal | undefined {
  if (c.strayByte) return 'undecodable';
  if ((c.mode & 0o222) === 0 || (!isRoot && (c.mode & 0o200) === 0)) return 'read-only';
  return c.meanwhile === 'nothing' ? undefined : 'changed';
}

test(`fuzz: --fix writes only the file named, keeping its links, mode and owner, or refuses and writes nothing (${RUNS} runs, seed ${SEED})`, () => {
  const root = tempFolder('fuzz-writes');
  let run = 0;
  fc.assert(
    fc.property(caseArb, (c) => {
      const dir = join(root, String(run++));
      const project = join(dir, 'project');
      mkdirSync(project, { recursive: true });
      writeFileSync(join(dir, 'outside.txt'), 'outside\n');
      const real = join(project, 'real.txt');
      const content = Buffer.concat([Buffer.from(c.text), Buffer.from(c.strayByte ? [0xff] : [])]);
      writeFileSync(real, content);
      if (c.reach === 'hardlink' || c.reach === 'symlink to hardlink') linkSync(real, join(project, 'other-name.txt'));
      const named = c.reach.startsWith('symlink') ? join(project, 'link.txt') : real;
      if (named !== real) symlinkSync('real.txt', named);
      for (let i = 0; i < c.planted; i++) symlinkSync(join(dir, 'outside.txt'), join(project, `.real.txt.${i}.govreport-tmp`));
      if (isRoot && c.foreignOwner) chownSync(real, 65534, 65534);

      const read = readReportFile(named);
      assert.equal(read.kind, 'text');
      if (read.kind !== 'text') return;
      if (c.meanwhile === 'edited') writeFileSync(real, 'edited meanwhile\n');
      if (c.meanwhile === 'rename-saved') {
        writeFileSync(`${real}.new`, 'saved meanwhile\n');
        renameSync(`${real}.new`, real);
      }
      chmodSync(real, c.mode);
      const before = snapshot(dir);
      const refusal = expectedRefusal(c);
      let refused: Refusal | undefined;
      try {
        writeReportFile(read.file, c.fixedText);
      } catch (error) {
        if (!(error instanceof WriteRefused)) throw error;
        refused = error.reason;
      }
      assert.equal(refused, refusal);
      const after = snapshot(dir);
      const changed = [...after].filter(([path, state]) => before.get(path) !== state).map(([path]) => path);
      assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), 'a file was created or removed');
      if (refused) return assert.deepEqual(changed, [], 'a refused write changed a file');
      // Written: the bytes of the one file named (under each of its names), nothing else; its mode and owner as they were.
      const state = (path: string) => JSON.parse(before.get(path)!);
      const names = [real, ...(c.reach.endsWith('hardlink') ? [join(project, 'other-name.txt')] : [])];
      assert.deepEqual(changed.sort(), names.sort());
      for (const name of names) {
        assert.equal(readFileSync(name, 'utf8'), c.fixedText);
        const stat = statSync(name);
        assert.deepEqual([stat.mode, stat.uid, stat.gid], state(name).slice(1, 4));
      }
      if (names.length === 2) assert.equal(statSync(names[0]).ino, statSync(names[1]).ino, 'the hard link was split');
      if (named !== real) assert.ok(lstatSync(named).isSymbolicLink());
    }),
    { seed: SEED, numRuns: RUNS },
  );
});
