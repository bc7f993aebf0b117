#!/usr/bin/env node
// `npm run lint:electron`: Electronegativity (Doyensec's Electron security scanner) over the app's own sources,
// failing on any finding. Run through its programmatic runner rather than its CLI because:
// - the CLI exits 0 whatever it finds; here every finding, and every file it could not parse, fails the run;
// - the tool fetches translations and Electron's release list from the network on every run; both are
//   switched off (local English strings; AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK excluded, with the version
//   record ELECTRON_VERSION_JSON_CHECK that only feeds it), so the scan is offline and deterministic. Electron
//   itself is kept current through package.json/npm, not this scan.
// Input: the TypeScript sources of main/ and renderer/ (its parser reads .ts through Babel's TypeScript plugin),
// not the dist/ bundles: esbuild drops comments, so the reviewed `eng-disable` suppressions would be lost, and
// the bundles inline third-party code whose findings are not ours. Both folders are copied into one scan root
// with package.json, since the global checks (CSP, navigation limits, permission handler) need main's
// BrowserWindow code and renderer's HTML together.
// Suppress a false positive only on the reported line: `// eng-disable CHECK_ID` plus a comment saying why.
'use strict';

const { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { tmpdir } = require('node:os');
const { dirname, join, relative, resolve } = require('node:path');

const root = resolve(__dirname, '..');
// By class name, as the runner wants them.
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck', 'ElectronVersionJSONCheck'];

/** Replaces the tool's i18n loader (which downloads translations) with its bundled en-US strings. */
function offlineStrings() {
  const loaderPath = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
  const i18n = require(require.resolve('i18n', { paths: [dirname(loaderPath)] }));
  const stub = new Module(loaderPath);
  stub.filename = loaderPath;
  stub.loaded = true;
  stub.exports = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(loaderPath),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: global,
    });
    i18n.setLocale('en-US');
  };
  require.cache[loaderPath] = stub;
}

/**
 * Scans `folders` (relative to `base`) as one app. Returns the findings and the files that failed to parse.
 * @param {{ base?: string, folders?: string[], electronVersion?: string }} [opts]
 */
async function scan(opts = {}) {
  const base = opts.base ?? root;
  const folders = opts.folders ?? ['main', 'renderer'];
  offlineStrings();
  const run = require('@doyensec/electronegativity');
  const scanRoot = mkdtempSync(join(tmpdir(), 'cm-electronegativity-'));
  try {
    for (const f of folders) cpSync(join(base, f), join(scanRoot, f), { recursive: true });
    if (existsSync(join(base, 'package.json'))) {
      writeFileSync(join(scanRoot, 'package.json'), readFileSync(join(base, 'package.json')));
    }
    const electronVersion =
      opts.electronVersion ?? require(require.resolve('electron/package.json', { paths: [root] })).version;
    const result = await run(
      {
        input: scanRoot,
        isRelative: true,
        isVerbose: true,
        customScan: [],
        excludeFromScan: EXCLUDED_CHECKS,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
    return {
      checks: result.atomicChecks + result.globalChecks,
      issues: result.issues.map((i) => ({
        id: i.id,
        file: i.file, // already relative to the scan root (isRelative)
        line: i.location.line,
        column: i.location.column,
        severity: i.severity.name,
        confidence: i.confidence.name,
        manualReview: Boolean(i.manualReview),
        description: i.description,
        url: i.shortenedURL,
      })),
      parseErrors: result.errors
        .filter((e) => !e.tolerable)
        .map((e) => ({ file: relative(scanRoot, e.file), message: e.message })),
    };
  } finally {
    rmSync(scanRoot, { recursive: true, force: true });
  }
}

async function main() {
  const folders = process.argv.slice(2);
  const { checks, issues, parseErrors } = await scan(folders.length > 0 ? { folders } : {});
  for (const i of issues) {
    const where = i.file === 'N/A' ? '(whole app)' : `${i.file}:${i.line}:${i.column}`;
    console.log(
      `${where}  ${i.id}  ${i.severity}/${i.confidence}${i.manualReview ? ' review' : ''}  ${i.url}`,
    );
    console.log(`    ${i.description}`);
  }
  for (const e of parseErrors)
    console.log(`${e.file}  could not be parsed, so it was not checked: ${e.message}`);
  const failed = issues.length + parseErrors.length;
  console.log(
    `electronegativity: ${checks} checks, ${issues.length} finding(s), ${parseErrors.length} unparsed file(s)`,
  );
  process.exitCode = failed > 0 ? 1 : 0;
}

module.exports = { scan, EXCLUDED_CHECKS };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 2;
  });
}
