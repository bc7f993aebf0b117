#!/usr/bin/env node
// Bundles every face of the app with esbuild (fast, one dependency): the CLI for plain Node, the Electron main
// process, the sandboxed preload (CommonJS, as sandboxed preloads must be) and the wizard renderer.
// Entries that do not exist yet are skipped, so the build never blocks early work.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const r = (p) => join(root, p);
const native = ['keytar', 'electron'];
// `copilot-meter --version` and the app report the version package.json declares, fixed at build time.
const { version } = JSON.parse(readFileSync(r('package.json'), 'utf8'));
const define = { __VERSION__: JSON.stringify(version) };

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
  {
    entryPoints: [r('renderer/wizard/main.ts')],
    outfile: r('dist/renderer/wizard.js'),
    platform: 'browser',
    format: 'iife',
    target: 'chrome130',
  },
];

mkdirSync(r('dist'), { recursive: true });
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
// Static renderer files (HTML with its CSP, CSS) are copied as they are.
for (const f of ['renderer/wizard/index.html', 'renderer/wizard/style.css']) {
  if (!existsSync(r(f))) continue;
  cpSync(r(f), r(join('dist/renderer', f.split('/').pop())));
  results.push(f);
}
if (!process.env.QUIET_BUILD) console.log(`built ${results.length} outputs in ${Date.now() - started} ms`);
