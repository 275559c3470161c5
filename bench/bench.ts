/**
 * `npm run bench`: govreport's speed, measured against a baseline run in the same process —
 * markdownlint linting the same text, what a user would otherwise run — and reported as ratios.
 * Also: keystroke-to-fresh-diagnostics latency over LSP stdio, server start-up, CLI throughput on
 * 1,000 reports, and the bundle sizes. Published forms: reading and checking each real PDF
 * against `pdftotext -layout` extracting the same file, and a .docx against mammoth converting it.
 * Prints a table; `--json` prints the figures as JSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { Bench } from 'tinybench';
import { DidChangeTextDocumentNotification, DocumentDiagnosticRequest } from 'vscode-languageserver-protocol';
import { analyze } from '../server/src/rules';
import { convertSource } from '../server/src/readers';
import { LspClient } from '../test/support/lsp-client';

/** The repository root: `npm run bench` runs this file bundled in dist/bench/. */
const root = join(__dirname, '..', '..');
const seedsDir = join(root, 'test', 'fixtures', 'seeds');
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ name: f.slice(0, 3), text: readFileSync(join(seedsDir, f), 'utf8') }));

/**
 * The median and mean time of one call of `fn`, in ms, after a warm-up (excluded): the server and
 * a markdownlint run alike are long-lived processes whose code the JIT has optimized. `minimum`
 * calls are measured at least, for at least `budget` ms. The median is a call's typical latency;
 * the mean spreads the occasional full garbage collection over the calls, as a long run pays it.
 */
function time(fn: () => void, budget: number, minimum: number): { median: number; mean: number } {
  const bench = new Bench({ time: budget, iterations: minimum, warmupTime: budget / 2, warmupIterations: Math.ceil(minimum / 4), throws: true });
  bench.add('run', fn).runSync();
  const result = bench.tasks[0].result;
  if (result.state !== 'completed') throw new Error(`benchmark did not complete: ${result.state}`);
  return { median: result.latency.p50, mean: result.latency.mean };
}

/** As `time`, for a call that returns a promise. */
async function timeAsync(fn: () => Promise<unknown>, budget: number, minimum: number): Promise<number> {
  const bench = new Bench({ time: budget, iterations: minimum, warmupTime: budget / 2, warmupIterations: Math.ceil(minimum / 4), throws: true });
  await bench.add('run', fn).run();
  const result = bench.tasks[0].result;
  if (result.state !== 'completed') throw new Error(`benchmark did not complete: ${result.state}`);
  return result.latency.p50;
}

/** Reading and checking the published files, each against the tool a reviewer would otherwise run on it. */
async function publishedForms() {
  const mammoth = await import('mammoth');
  const folder = join(root, 'test', 'fixtures', 'published');
  const rows: { input: string; size: string; govreport: number; baseline: number; baselineName: string }[] = [];
  for (const name of readdirSync(folder).filter((f) => /\.(pdf|docx)$/.test(f))) {
    const path = join(folder, name);
    const bytes = new Uint8Array(readFileSync(path));
    const ours = () => convertSource(bytes, name, 'md').then((converted) => analyze(converted.text));
    const pdf = name.endsWith('.pdf');
    const baseline = pdf
      ? async () => {
          const run = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
          if (run.status !== 0) throw new Error(`pdftotext failed: ${run.error?.message ?? run.stderr}`);
        }
      : () => mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    rows.push({
      input: name,
      size: `${(bytes.length / 1024).toFixed(0)} KB`,
      govreport: await timeAsync(ours, 2000, 10),
      baseline: await timeAsync(baseline, 2000, 10),
      baselineName: pdf ? 'pdftotext -layout' : 'mammoth',
    });
  }
  return rows;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

/** A synthetic report of about `bytes` (UTF-8): the seeds repeated. */
function synthetic(bytes: number): string {
  const unit = seeds.map((s) => s.text).join('\n');
  const unitBytes = Buffer.byteLength(unit);
  return Array.from({ length: Math.max(1, Math.round(bytes / unitBytes)) }, () => unit).join('\n');
}

async function main() {
  const { lint } = await import('markdownlint/sync');
  const markdownlint = (text: string) => lint({ strings: { report: text } });
  const check = (text: string) => analyze(text);

  const rows: { input: string; size: string; govreport: number; markdownlint: number; govreportMean: number }[] = [];
  /** `minimum` calls of each at least; of ours, which are cheaper, `ownMinimum`. */
  const measure = (input: string, text: string, budget = 500, minimum = 64, ownMinimum = minimum) => {
    const govreport = time(() => check(text), budget, ownMinimum);
    const baseline = time(() => markdownlint(text), budget, minimum);
    rows.push({
      input,
      size: `${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`,
      govreport: govreport.median,
      markdownlint: baseline.median,
      govreportMean: govreport.mean,
    });
  };
  for (const seed of seeds) measure(`seed ${seed.name}`, seed.text);
  const sizes: [string, number][] = [
    ['100 KB', 100 * 1024],
    ['1 MB', 1024 * 1024],
    ['10 MB', 10 * 1024 * 1024],
  ];
  // 10 MB: markdownlint takes seconds a call, so 3 calls; ours 10, for a steadier mean.
  for (const [name, bytes] of sizes) measure(`synthetic ${name}`, synthetic(bytes), bytes > 2e6 ? 0 : 1000, bytes > 2e6 ? 3 : 5, bytes > 2e6 ? 10 : 5);
  measure('one 1 MB line', '某某县人民政府2021年政府信息公开工作年度报告\n' + '正文'.repeat((1024 * 1024) / 6), 1000, 5);

  // Keystroke latency: type a digit into a 50 KB report, then pull diagnostics, as VS Code does.
  const { client } = await LspClient.start();
  const startup = await serverStartup();
  const uri = 'file:///bench/50k.txt';
  let text = synthetic(50 * 1024);
  let version = 1;
  await client.open(uri, text, 'govreport', version);
  await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  const latencies: number[] = [];
  const line = text.split('\n').findIndex((l) => l.startsWith('四、结转下年度继续办理'));
  // The first 50 keystrokes warm the server up and are not counted, as in `time`.
  for (let i = 0; i < 250; i++) {
    const start = performance.now();
    const digit = String(i % 10);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: { line, character: 12 }, end: { line, character: 13 } }, text: digit }],
    });
    await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    if (i >= 50) latencies.push(performance.now() - start);
  }
  await client.stop();
  text = '';

  // CLI throughput on 1,000 reports.
  const folder = mkdtempSync(join(tmpdir(), 'govreport-bench-'));
  for (let i = 0; i < 1000; i++) writeFileSync(join(folder, `r${i}.txt`), seeds[i % seeds.length].text);
  const cliStart = performance.now();
  spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', folder, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const cliSeconds = (performance.now() - cliStart) / 1000;
  rmSync(folder, { recursive: true, force: true });

  // Bundle sizes, minified.
  spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production'], { stdio: 'inherit' });
  const size = (file: string) => statSync(join(root, 'dist', file)).size / 1024;
  const bundles = {
    server: size('server.js'),
    client: size('extension.js'),
    browserServer: size('browser/server.js'),
    cli: size('cli.js'),
    browserReaders: size('browser/readers.js'),
    readers: size('readers.js'),
  };
  spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });

  const published = await publishedForms();

  const results = {
    published: published.map((r) => ({ ...r, ratio: r.govreport / r.baseline })),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`,
    date: new Date().toISOString().slice(0, 10),
    checks: rows.map((r) => ({ ...r, ratio: r.govreport / r.markdownlint })),
    linearity: rows.find((r) => r.input === 'synthetic 10 MB')!.govreportMean / rows.find((r) => r.input === 'synthetic 1 MB')!.govreportMean,
    keystroke: { median: median(latencies), p95: percentile(latencies, 95) },
    serverStartup: startup,
    cli: { reports: 1000, seconds: cliSeconds, perSecond: 1000 / cliSeconds },
    bundlesKB: bundles,
  };
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;
  console.log(`govreport benchmark — ${results.machine}, ${results.date}\n`);
  console.log('full check (parse, bind, every rule) against markdownlint on the same text, medians:');
  console.log(`  ${'input'.padEnd(20)}${'size'.padStart(9)}${'govreport'.padStart(12)}${'markdownlint'.padStart(14)}${'ratio'.padStart(9)}`);
  for (const r of results.checks)
    console.log(
      `  ${r.input.padEnd(20)}${r.size.padStart(9)}${ms(r.govreport).padStart(12)}${ms(r.markdownlint).padStart(14)}${r.ratio.toFixed(2).padStart(9)}`,
    );
  console.log('\nread and check a published file, against extracting its text with the usual tool (one process each), medians:');
  for (const r of results.published)
    console.log(
      `  ${r.input}${' '.repeat(Math.max(1, 32 - stringWidth(r.input)))}${r.size.padStart(8)}${ms(r.govreport).padStart(12)}  ${r.baselineName.padEnd(18)}${ms(r.baseline).padStart(10)}${r.ratio.toFixed(2).padStart(8)}`,
    );
  console.log(`\n  10 MB / 1 MB mean time: ${results.linearity.toFixed(1)}× (target ≤ 12×)`);
  console.log(`\nkeystroke to fresh diagnostics over LSP stdio, 50 KB report: median ${ms(results.keystroke.median)}, p95 ${ms(results.keystroke.p95)}`);
  console.log(`server start to initialize response: ${ms(results.serverStartup)}`);
  console.log(`CLI: ${results.cli.reports} reports in ${results.cli.seconds.toFixed(2)} s (${results.cli.perSecond.toFixed(0)} reports/s)`);
  console.log(
    `bundles (minified): server ${bundles.server.toFixed(0)} KB, client ${bundles.client.toFixed(0)} KB, browser server ${bundles.browserServer.toFixed(0)} KB, CLI ${bundles.cli.toFixed(0)} KB; loaded on first use: readers ${bundles.readers.toFixed(0)} KB, browser readers ${bundles.browserReaders.toFixed(0)} KB`,
  );
}

/** Median time from spawning `node dist/server.js --stdio` to its initialize response, over 7 starts. */
async function serverStartup(): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    const { client } = await LspClient.start();
    samples.push(performance.now() - start);
    await client.stop();
  }
  return median(samples);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
