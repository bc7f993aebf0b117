#!/usr/bin/env node
// Bundles every face of the app with esbuild (fast, one dependency): the CLI for plain Node, the Electron main
// process, the sandboxed preload (CommonJS, as sandboxed preloads must be) and one folder per window of the
// renderer (dist/renderer/<window>/: index.html with its CSP, <window>.js, style.css with the kit's theme and, for
// the Usage window, uPlot's own CSS bundled in: nothing is fetched from a CDN).
// Entries that do not exist yet are skipped, so the build never blocks early work.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const r = (p) => join(root, p);
const native = ['keytar', 'electron'];
// `copilot-meter --version` and the app report the version package.json declares, fixed at build time.
const { version } = JSON.parse(readFileSync(r('package.json'), 'utf8'));
const define = { __VERSION__: JSON.stringify(version) };
/** The renderer's windows: renderer/<name>/{main.ts,style.css,index.html} → dist/renderer/<name>/. */
const WINDOWS = ['wizard', 'usage'];

const targets = [
  {
    // ESM for Node 20; bundled CJS deps get a real `require` through createRequire.
    entryPoints: [r('main/cli/index.ts')],
    outfile: r('dist/cli.mjs'),
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: native,
    define,
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  },
  {
    entryPoints: [r('main/app/main.ts')],
    outfile: r('dist/app/main.cjs'),
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: native,
    define,
  },
  {
    entryPoints: [r('renderer/preload.ts')],
    outfile: r('dist/app/preload.cjs'),
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
  },
  ...WINDOWS.flatMap((w) => [
    {
      entryPoints: [r(`renderer/${w}/main.ts`)],
      outfile: r(`dist/renderer/${w}/${w}.js`),
      platform: 'browser',
      format: 'iife',
      target: 'chrome130',
      // Less to parse before the first paint (the Usage window's budget is 300 ms); the source map stays.
      minify: true,
    },
    {
      entryPoints: [r(`renderer/${w}/style.css`)],
      outfile: r(`dist/renderer/${w}/style.css`),
      target: 'chrome130',
      minify: true,
    },
  ]),
];

mkdirSync(r('dist'), { recursive: true });
// Files of the old flat layout (dist/renderer/index.html …) would be a second, stale wizard: remove those only.
// Not the whole folder: tests build while other tests read dist/renderer/<window>/ (a removed folder is a page
// that is not found for a moment).
for (const f of ['index.html', 'style.css', 'wizard.js', 'wizard.js.map']) {
  rmSync(r(`dist/renderer/${f}`), { force: true });
}
const started = Date.now();
const results = await Promise.all(
  targets
    .filter((t) => existsSync(t.entryPoints[0]))
    .map((t) =>
      build({ bundle: true, sourcemap: 'linked', logLevel: 'warning', legalComments: 'none', ...t }).then(
        () => t.outfile,
      ),
    ),
);
// Each window's HTML (with its CSP) is copied as it is.
for (const w of WINDOWS) {
  const f = `renderer/${w}/index.html`;
  if (!existsSync(r(f))) continue;
  cpSync(r(f), r(`dist/renderer/${w}/index.html`));
  results.push(f);
}
if (!process.env.QUIET_BUILD) console.log(`built ${results.length} outputs in ${Date.now() - started} ms`);
