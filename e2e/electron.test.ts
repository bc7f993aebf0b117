/**
 * The packaged-style app in real Electron (dist/app/main.cjs) against the fake GitHub: the tray shows the
 * reading (read through the COPILOT_METER_TEST_HOOK state hook, since a tray icon cannot be inspected from
 * outside), and with no credential the setup wizard opens. Needs the Electron binary; skipped visibly without.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { TestHook } from '../main/app/controller';
import { FAKE_PAT, scenarios } from '../test/fake-github/scenarios';
import { startFakeGitHub, type FakeGitHub } from '../test/fake-github/server';
import { describeIfAvailable } from '../test/helpers/skip';

function electronBinary(): string | null {
  try {
    // The electron package exports the binary path, and throws when the download never happened.
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
const binary = electronBinary();
const root = join(import.meta.dirname, '..');

describeIfAvailable(
  'electron-binary',
  binary !== null,
  'the electron package has no downloaded binary (ELECTRON_SKIP_BINARY_DOWNLOAD)',
)('tray app in Electron', () => {
  let fake: FakeGitHub | null = null;
  let app: ElectronApplication | null = null;
  let dir: string | null = null;

  beforeAll(() => {
    // `npm test` builds first; building again would race the Chromium e2e (the build empties dist/renderer).
    if (!existsSync(join(root, 'dist/app/main.cjs'))) {
      execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], {
        env: { ...process.env, QUIET_BUILD: '1' },
      });
    }
  });
  afterEach(async () => {
    await app?.close().catch(() => undefined);
    await fake?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    app = null;
  });

  async function launch(extra: Record<string, string>): Promise<ElectronApplication> {
    fake = await startFakeGitHub(scenarios.patPremiumPro);
    dir = mkdtempSync(join(tmpdir(), 'cm-e2e-'));
    // A PAT cannot tell the plan: the user's choice (as the wizard saves it) gives the allowance.
    mkdirSync(join(dir, 'config'), { recursive: true });
    writeFileSync(join(dir, 'config', 'settings.json'), JSON.stringify({ version: 1, plan: 'pro' }));
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      DISPLAY: process.env.DISPLAY ?? ':99',
      HOME: dir,
      LANG: 'en_US.UTF-8',
      COPILOT_METER_CONFIG_DIR: join(dir, 'config'),
      COPILOT_METER_API_URL: fake.url,
      COPILOT_METER_TEST_HOOK: '1',
      ...extra,
    };
    app = await _electron.launch({ executablePath: binary!, args: [join(root, 'dist/app/main.cjs')], env });
    return app;
  }

  it('shows the reading from GitHub in the tray', async () => {
    const a = await launch({ COPILOT_METER_TOKEN: FAKE_PAT, COPILOT_METER_USER: 'octocat' });
    await expect
      .poll(
        () =>
          a.evaluate(() => {
            const hook = (globalThis as { __copilotMeter?: TestHook }).__copilotMeter;
            return hook?.view()?.tooltip ?? '';
          }),
        { timeout: 15_000 },
      )
      .toContain('90 / 300 premium requests used');
    const view = await a.evaluate(() => (globalThis as { __copilotMeter?: TestHook }).__copilotMeter!.view());
    expect(view).toMatchObject({ iconLabel: '30', level: 'normal' });
  });

  it('opens the setup wizard on first run without a credential', async () => {
    const a = await launch({});
    const win = await a.firstWindow({ timeout: 15_000 });
    expect(win.url()).toMatch(/renderer\/index\.html$/);
  });
});
