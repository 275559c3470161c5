// The Debian packages the test suite and the benchmark use, and a check that they are there (run
// before `npm test` and by .ci/run). Missing ones are installed when this runs as root with apt-get,
// as on CI; otherwise it stops at once with the exact command to run.
//   node scripts/system-packages.mjs          check, install if root
//   node scripts/system-packages.mjs --list   print the package names
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Each package, what it is for, and how to tell it is installed without dpkg (a command on the PATH, or a font). */
export const DEBIAN_PACKAGES = [
  { name: 'chromium', for: 'the web-worker and end-to-end tests (headless browser)', present: () => onPath('chromium') || onPath('chromium-browser') },
  { name: 'ripgrep', for: 'the code-server npm package (VS Code search)', present: () => onPath('rg') },
  { name: 'libkrb5-dev', for: 'building the code-server npm package', present: () => onPath('krb5-config') },
  { name: 'make', for: 'building the code-server npm package', present: () => onPath('make') },
  { name: 'g++', for: 'building the code-server npm package', present: () => onPath('g++') },
  { name: 'python3', for: 'building the code-server npm package', present: () => onPath('python3') },
  { name: 'libreoffice-writer-nogui', for: 'rendering reports as .docx, .doc and .pdf for the readers’ tests', present: () => onPath('soffice') },
  { name: 'fonts-noto-cjk', for: 'Chinese text in rendered PDFs and screenshots', present: hasChineseFont },
  { name: 'poppler-utils', for: 'pdftotext, the benchmark’s baseline for PDFs', present: () => onPath('pdftotext') },
];

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function hasChineseFont() {
  const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return fonts.status === 0 && fonts.stdout.trim() !== '';
}

export function missingPackages() {
  return DEBIAN_PACKAGES.filter((p) => !p.present());
}

function main() {
  if (process.argv.includes('--list')) {
    console.log(DEBIAN_PACKAGES.map((p) => p.name).join(' '));
    return 0;
  }
  const missing = missingPackages();
  if (missing.length === 0) return 0;
  const names = missing.map((p) => p.name);
  const command = `apt-get install -y --no-install-recommends ${names.join(' ')}`;
  console.error(`Missing Debian packages:\n${missing.map((p) => `  ${p.name}: ${p.for}`).join('\n')}`);
  if (process.getuid?.() === 0 && onPath('apt-get')) {
    console.error(`Installing them: apt-get update && ${command}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [
      ['update', '-qq'],
      ['install', '-y', '-qq', '--no-install-recommends', ...names],
    ]) {
      if (spawnSync('apt-get', args, { stdio: 'inherit', env }).status !== 0) {
        console.error(`apt-get ${args[0]} failed`);
        return 1;
      }
    }
    return 0;
  }
  console.error(`Install them, then run the tests again:\n  sudo apt-get update && sudo ${command}`);
  return 1;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
