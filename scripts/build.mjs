// `npm run build`: compiles every workspace's src/ to dist/ (and scripts/*.ts to scripts/dist/),
// one JavaScript module per TypeScript module, and copies the files the code reads at run time
// (SDL, SQL migrations and their journal, CSV, JSON) beside them, so `new URL('./x', import.meta.url)`
// finds them in dist/ as it does in src/. Type checking is `npm run typecheck`'s job: esbuild only
// strips types. With --if-stale (what `npm start` passes) a tree whose sources are unchanged since
// its last build (same files, sizes and modification times) is left as it is, so a later start
// does not pay for a build it does not need.
// Plain JavaScript on purpose: it runs before anything is compiled, without tsx.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ASSET = /\.(graphql|sql|json|csv)$/;
// Test helpers never run outside a test, where vitest reads their sources. The portal is a browser
// bundle, which Vite builds (see buildPortal).
const NOT_BUILT = new Set(['packages/testing', 'portal']);

function workspaces() {
  const { workspaces: patterns } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return patterns
    .flatMap((pattern) =>
      pattern.endsWith('/*')
        ? fs
            .readdirSync(path.join(ROOT, pattern.slice(0, -2)), { withFileTypes: true })
            .filter((entry) => entry.isDirectory())
            .map((entry) => `${pattern.slice(0, -2)}/${entry.name}`)
        : [pattern],
    )
    .filter((dir) => fs.existsSync(path.join(ROOT, dir, 'package.json')) && !NOT_BUILT.has(dir));
}

function filesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    if (!entry.isFile()) return [];
    return [path.join(entry.parentPath, entry.name)];
  });
}

const STAMP = '.sources';
const IF_STALE = process.argv.includes('--if-stale');

/** Every input of a tree's build, as one string: a file added, removed, resized or touched changes it. */
function fingerprint(files) {
  const self = fs.statSync(fileURLToPath(import.meta.url));
  return [`build.mjs ${self.size} ${self.mtimeMs}`]
    .concat(
      files.map((file) => {
        const stat = fs.statSync(file);
        return `${path.relative(ROOT, file)} ${stat.size} ${stat.mtimeMs}`;
      }),
    )
    .sort()
    .join('\n');
}

/** One tree: `from` (src/) compiled into `to` (dist/), which is emptied first so nothing stale survives. */
async function compile(from, to, files = filesUnder(from)) {
  const stamp = path.join(to, STAMP);
  const inputs = fingerprint(files);
  if (IF_STALE && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === inputs) return 0;
  fs.rmSync(to, { recursive: true, force: true });
  const sources = files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
  if (sources.length > 0) {
    // Loaded only when there is something to compile: a start with nothing stale skips it.
    const { build } = await import('esbuild');
    await build({
      entryPoints: sources,
      outdir: to,
      outbase: from,
      bundle: false,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'linked',
      logLevel: 'warning',
    });
  }
  for (const file of files.filter((f) => ASSET.test(f))) {
    const target = path.join(to, path.relative(from, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
  }
  // Written last: a build cut short leaves no stamp, so the next start builds the tree again.
  fs.mkdirSync(to, { recursive: true });
  fs.writeFileSync(stamp, inputs);
  return sources.length;
}

/**
 * The portal's production bundle (portal/dist), built with Vite only when its inputs changed, with or
 * without --if-stale: a Vite build takes seconds where esbuild's take milliseconds, and its output
 * depends on nothing but these files (and the installed packages, which `npm ci` lays anew with a
 * fresh dist/ anyway when it runs prepare).
 */
async function buildPortal() {
  const portal = path.join(ROOT, 'portal');
  if (!fs.existsSync(path.join(portal, 'package.json'))) return 0;
  const dist = path.join(portal, 'dist');
  const files = [
    ...filesUnder(path.join(portal, 'src')),
    ...['index.html', 'explorer.html', 'vite.config.ts', 'package.json'].map((name) => path.join(portal, name)),
  ];
  const stamp = path.join(dist, STAMP);
  const inputs = fingerprint(files);
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === inputs) return 0;
  const { build } = await import('vite');
  // Vite builds what NODE_ENV says, and vitest's global setup runs this with NODE_ENV=test: the
  // bundle must be React's production build whoever runs the script.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: portal,
      configFile: path.join(portal, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  fs.writeFileSync(stamp, inputs);
  return files.length;
}

const started = performance.now();
let modules = 0;
for (const workspace of workspaces()) {
  modules += await compile(path.join(ROOT, workspace, 'src'), path.join(ROOT, workspace, 'dist'));
}
const scripts = path.join(ROOT, 'scripts');
modules += await compile(
  scripts,
  path.join(scripts, 'dist'),
  fs
    .readdirSync(scripts)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(scripts, name)),
);
modules += await buildPortal();
if (!process.argv.includes('--quiet')) {
  process.stdout.write(`built ${modules} modules in ${Math.round(performance.now() - started)} ms\n`);
}
