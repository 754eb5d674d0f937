/**
 * Builds the compiled CLI (`npm run build:cli`): cli/lucid.ts and its worker bundled by esbuild
 * into .output/cli/*.mjs, so a run does not pay for the TypeScript loader. The code both use
 * (the quotes step) is one shared chunk in .output/cli/chunks/, so the main thread, which runs
 * the pipeline as one of the jobs, loads and compiles it once, not twice. Packages stay
 * imports from node_modules (jsdom reads its own files at run time). `ensureBuilt` rebuilds
 * only when the bundle is missing or older than a source file it is built from.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, '.output', 'cli');
const ENTRIES = ['lucid', 'worker'];
const SOURCES = ['cli', 'utils'];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(?:ts|mjs|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isStale() {
  const outputs = ENTRIES.map((name) => join(OUT, `${name}.mjs`));
  if (!outputs.every(existsSync)) return true;
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const sources = Math.max(statSync(join(ROOT, 'package-lock.json')).mtimeMs, ...SOURCES.map((dir) => newestSource(join(ROOT, dir))));
  return sources > built;
}

export async function buildCli() {
  const { build } = await import('esbuild');
  // Built aside and renamed into place: a CLI started meanwhile (tests run several) never reads a half-written file.
  const tmp = join(OUT, `.build-${process.pid}`);
  await build({
    entryPoints: Object.fromEntries(ENTRIES.map((name) => [name, join(ROOT, 'cli', `${name}.ts`)])),
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  // Chunks first (named by their content's hash), then the entries that import them.
  const chunks = readdirSync(join(tmp, 'chunks'));
  mkdirSync(join(OUT, 'chunks'), { recursive: true });
  for (const chunk of chunks) renameSync(join(tmp, 'chunks', chunk), join(OUT, 'chunks', chunk));
  for (const name of ENTRIES) renameSync(join(tmp, `${name}.mjs`), join(OUT, `${name}.mjs`));
  for (const old of readdirSync(join(OUT, 'chunks'))) if (!chunks.includes(old)) rmSync(join(OUT, 'chunks', old), { force: true });
  rmSync(tmp, { recursive: true, force: true });
}

/** The compiled entry's URL, built first when missing or stale. */
export async function ensureBuilt() {
  if (isStale()) await buildCli();
  return pathToFileURL(join(OUT, 'lucid.mjs')).href;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
