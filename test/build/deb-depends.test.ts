/**
 * build/electron-builder.yml's deb.depends replaces electron-builder's default dependency list instead of adding
 * to it, so it must repeat every default (GTK, libnotify, NSS, …) and add what this app needs (libsecret).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** The list under `deb:` → `depends:` of the yml (a small reader: block lists of plain scalars). */
function debDepends(yml: string): string[] {
  const lines = yml.split('\n');
  const deb = lines.findIndex((l) => /^deb:\s*$/.test(l));
  if (deb < 0) return [];
  const out: string[] = [];
  let inDepends = false;
  for (const line of lines.slice(deb + 1)) {
    if (/^\S/.test(line)) break; // the next top-level key
    if (/^\s*#/.test(line) || line.trim() === '') continue;
    if (/^ {2}depends:\s*$/.test(line)) inDepends = true;
    else if (/^ {2}\S/.test(line)) inDepends = false;
    else if (inDepends) {
      const m = /^\s+-\s+(\S+)\s*$/.exec(line);
      if (m) out.push(m[1]!.replace(/^['"]|['"]$/g, ''));
    }
  }
  return out;
}

/** The deb defaults of the installed electron-builder, read from its own source. */
function installedDefaults(): string[] {
  const require = createRequire(join(root, 'package.json'));
  const file = join(require.resolve('app-builder-lib/package.json'), '..', 'out/targets/FpmTarget.js');
  const src = readFileSync(file, 'utf8');
  const m = /case "deb":\s*return (\[[^\]]*\])/.exec(src);
  if (!m) throw new Error(`no deb defaults found in ${file}`);
  return JSON.parse(m[1]!) as string[];
}

/** As documented for electron-builder 26 (DebOptions.depends @default), in case its source moves. */
const DOCUMENTED = [
  'libgtk-3-0',
  'libnotify4',
  'libnss3',
  'libxss1',
  'libxtst6',
  'xdg-utils',
  'libatspi2.0-0',
  'libuuid1',
  'libsecret-1-0',
];

describe('the .deb dependencies', () => {
  const depends = debDepends(readFileSync(join(root, 'build/electron-builder.yml'), 'utf8'));

  it("keeps every one of electron-builder's default deb dependencies", () => {
    for (const dep of DOCUMENTED) expect(depends, dep).toContain(dep);
  });

  it('keeps the defaults of the electron-builder actually installed', () => {
    const defaults = installedDefaults();
    expect(defaults).toContain('libgtk-3-0');
    for (const dep of defaults) expect(depends, dep).toContain(dep);
  });

  it('adds the Secret Service library the keychain needs', () => {
    expect(depends).toContain('libsecret-1-0');
  });
});
