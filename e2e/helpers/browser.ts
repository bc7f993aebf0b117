/**
 * Headless Debian Chromium through playwright-core, and the wizard page wired to a REAL setup service: the
 * bridge the preload would expose (window.copilotMeter) is rebuilt from the same channel list, and each call
 * goes through exposeFunction into main/setup/dispatch.ts, i.e. the same validation as the Electron handlers.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHANNELS, methodOf } from '../../shared/ipc';
import type { Dispatch } from '../../main/setup/dispatch';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumAvailable = (): boolean => existsSync(CHROMIUM);

const root = fileURLToPath(new URL('../..', import.meta.url));
export const WIZARD_HTML = join(root, 'dist', 'renderer', 'wizard', 'index.html');
export const USAGE_HTML = join(root, 'dist', 'renderer', 'usage', 'index.html');
export const SCREENSHOTS = join(root, 'out', 'screenshots');

/** Builds dist/ once (esbuild, well under a second). */
export function buildOnce(): void {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    env: { ...process.env, QUIET_BUILD: '1' },
    stdio: 'inherit',
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface WizardPage {
  page: Page;
  /** Every response main sent to the page, for "the token never travels back" checks. */
  responses: unknown[];
  /** Console errors and CSP violations, which should stay empty. */
  problems: string[];
}

export interface OpenOptions {
  dispatch: Dispatch;
  colorScheme?: 'light' | 'dark';
  /** navigator.language(s) of the page: the OS language the wizard follows by default. */
  locale?: string;
  /** The page's size; the wizard's window size by default. */
  viewport?: { width: number; height: number };
  /** The page's time zone (e.g. 'UTC' for stable times in screenshots). */
  timezoneId?: string;
}

export async function openWizard(browser: Browser, opts: OpenOptions): Promise<WizardPage> {
  return openPage(browser, WIZARD_HTML, 'h1', opts);
}

/** The Usage window's page, wired like the wizard (the same bridge, here to the usage dispatch). */
export async function openUsage(browser: Browser, opts: OpenOptions): Promise<WizardPage> {
  return openPage(browser, USAGE_HTML, 'main.usage', {
    viewport: { width: 720, height: 900 },
    timezoneId: 'UTC',
    ...opts,
  });
}

async function openPage(
  browser: Browser,
  html: string,
  ready: string,
  opts: OpenOptions,
): Promise<WizardPage> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 480, height: 600 },
    colorScheme: opts.colorScheme ?? 'light',
    locale: opts.locale ?? 'en-US',
    reducedMotion: 'reduce',
    ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}),
  });
  const page = await context.newPage();
  const responses: unknown[] = [];
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.exposeFunction('__copilotMeterInvoke', async (channel: unknown, arg: unknown) => {
    const r = await opts.dispatch(channel, arg);
    responses.push(r);
    return r;
  });
  const methods = CHANNELS.map((c) => [methodOf(c), c] as const);
  // Runs in the page before its scripts (as the preload does). A string, as this file is compiled without DOM types.
  await page.addInitScript({
    content: `(() => {
      const invoke = window.__copilotMeterInvoke;
      const bridge = {};
      for (const [method, channel] of ${JSON.stringify(methods)}) bridge[method] = (arg) => invoke(channel, arg);
      Object.defineProperty(window, 'copilotMeter', { value: Object.freeze(bridge) });
    })();`,
  });
  await page.goto(pathToFileURL(html).href);
  await page.locator(ready).first().waitFor();
  return { page, responses, problems };
}

/** The page as text and every input's value: what a token must never be part of. */
export async function visibleState(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    const values = [...document.querySelectorAll('input, textarea, select')].map((el) => el.value);
    return document.documentElement.outerHTML + '\\n' + values.join('\\n');
  })()`);
}

/** id of the focused element. */
export const focusedId = (page: Page): Promise<string | undefined> =>
  page.evaluate<string | undefined>('document.activeElement?.id');

/** axe-core's browser build, evaluated in the page over DevTools (so the page's CSP is neither involved nor loosened). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's findings on the page as it is now, one line per rule: "rule-id (impact): selector, selector".
 * Every rule axe runs by default (WCAG 2.x A and AA, and its best practices); [] means none broken.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if ((await page.evaluate<string>('typeof window.axe')) !== 'object') {
    await page.evaluate<number>(`${AXE_SOURCE}\n;0`);
  }
  return page.evaluate<string[]>(`axe
    .run(document, { resultTypes: ['violations'], preload: false })
    .then((r) => r.violations.map((v) =>
      v.id + ' (' + v.impact + '): ' + v.nodes.map((n) => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 160)).join(' | ')))`);
}
