/**
 * `npm run lint:electron` (build/lint-electron.cjs): Electronegativity over small TypeScript apps written here,
 * offline. Proves the wrapper reports what the tool finds in .ts sources, honours a line's eng-disable comment,
 * and counts a file it cannot parse as a failure rather than as clean.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

interface Finding {
  id: string;
  file: string;
  line: number;
}
interface ScanResult {
  checks: number;
  issues: Finding[];
  parseErrors: { file: string; message: string }[];
}
const { scan } = createRequire(import.meta.url)('../../build/lint-electron.cjs') as {
  scan(opts: { base: string; folders: string[] }): Promise<ScanResult>;
};

const html = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-abc'; base-uri 'none'; object-src 'none'">
</head><body></body></html>`;

const windowTs = (
  extra: string,
  suppress = '/* eng-disable AUXCLICK_JS_CHECK */',
) => `import { BrowserWindow, app, session } from 'electron';
session.defaultSession.setPermissionRequestHandler((_w, _p, cb) => cb(false));
export function open(): BrowserWindow {
  const win = ${suppress} new BrowserWindow({
    webPreferences: { contextIsolation: true, ${extra} },
  });
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  return win;
}
void app;
`;

describe('electronegativity scan', () => {
  let base = '';
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  function app(mainTs: string): void {
    base = mkdtempSync(join(tmpdir(), 'cm-eng-'));
    mkdirSync(join(base, 'main'), { recursive: true });
    mkdirSync(join(base, 'renderer'), { recursive: true });
    writeFileSync(join(base, 'main', 'window.ts'), mainTs);
    writeFileSync(join(base, 'renderer', 'index.html'), html);
    writeFileSync(
      join(base, 'package.json'),
      JSON.stringify({ name: 'fixture', scripts: { start: 'electron .' } }),
    );
  }

  it('finds Node integration switched on in a TypeScript BrowserWindow', async () => {
    // No sandbox key: the tool skips nodeIntegration on a window that sets sandbox either way.
    app(windowTs('nodeIntegration: true'));
    const r = await scan({ base, folders: ['main', 'renderer'] });
    expect(r.checks).toBeGreaterThan(30);
    expect(r.parseErrors).toEqual([]);
    expect(r.issues).toContainEqual(
      expect.objectContaining({ id: 'NODE_INTEGRATION_JS_CHECK', file: join('main', 'window.ts'), line: 5 }),
    );
  });

  it('reports nothing for the same window without Node, its one finding being suppressed on its line', async () => {
    app(windowTs('sandbox: true, nodeIntegration: false'));
    const r = await scan({ base, folders: ['main', 'renderer'] });
    expect(r.issues).toEqual([]);
    expect(r.parseErrors).toEqual([]);
  });

  it('reports that finding again once the eng-disable comment is gone', async () => {
    app(windowTs('sandbox: true, nodeIntegration: false', ''));
    const r = await scan({ base, folders: ['main', 'renderer'] });
    expect(r.issues.map((i) => i.id)).toEqual(['AUXCLICK_JS_CHECK']);
  });

  it('counts a source it cannot parse as a failure, not as clean', async () => {
    app('export const broken = (;\n');
    const r = await scan({ base, folders: ['main', 'renderer'] });
    expect(r.parseErrors).toEqual([expect.objectContaining({ file: join('main', 'window.ts') })]);
  });
});
