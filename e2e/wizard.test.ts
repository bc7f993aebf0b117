/**
 * The setup wizard in real headless Chromium, wired to the real setup service, which talks to the fake GitHub
 * over loopback HTTP and stores tokens in the real keychain (private Secret Service) when this machine has one,
 * else in the memory store. Screenshots of every step (light/dark, en/zh) go to out/screenshots/, and every
 * screenshotted state is checked by axe-core: zero violations.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createKeychainStore } from '../main/secrets/keychain';
import { createMemoryStore } from '../main/secrets/memory';
import { createSessionFallbackStore } from '../main/secrets/session';
import type { SecretStore } from '../main/secrets/types';
import { describeIfAvailable } from '../test/helpers/skip';
import {
  secretServiceSupport,
  startSecretService,
  type SecretServiceHandle,
} from '../test/helpers/secret-service';
import { billingCreditsMultiModel, billingEmpty, internalProPlus } from '../test/fake-github/fixtures';
import type { FakeState } from '../test/fake-github/server';
import {
  CLASSIC,
  LEGACY_PAT,
  OAUTH,
  PAT,
  patState,
  startSetupWorld,
  type SetupWorld,
} from '../test/setup/world';
import {
  axeViolations,
  buildOnce,
  chromiumAvailable,
  launch,
  openWizard,
  SCREENSHOTS,
  visibleState,
  focusedId,
} from './helpers/browser';

let browser: Browser | null = null;
let world: SetupWorld | null = null;
let keychain: { ss: SecretServiceHandle; store: SecretStore } | null = null;

afterEach(async () => {
  await world?.cleanup();
  world = null;
});

async function start(
  fake: Partial<FakeState>,
  opts: {
    keychain?: boolean;
    homeFiles?: Record<string, unknown>;
    secrets?: SecretStore;
    apiUrl?: string;
  } = {},
) {
  const secrets = opts.secrets ?? (opts.keychain && keychain ? keychain.store : undefined);
  if (secrets && !opts.secrets) for (const k of await secrets.list()) await secrets.delete(k);
  world = await startSetupWorld({
    fake,
    ...(secrets ? { secrets } : {}),
    ...(opts.homeFiles ? { homeFiles: opts.homeFiles } : {}),
    ...(opts.apiUrl ? { apiUrl: opts.apiUrl } : {}),
  });
  return world;
}

/** Screenshots a state and has axe-core check it: any violation fails the test, named with the state. */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  expect(await axeViolations(page), `axe-core on ${name}`).toEqual([]);
}
const heading = (page: Page) => page.locator('h1').textContent();
const status = (page: Page) => page.locator('#status').textContent();

/** Pastes a token and presses Enter (keyboard path); waits until the check finished. */
async function pasteAndCheck(page: Page, token: string) {
  await page.locator('#token').fill(token);
  await page.locator('#token').press('Enter');
  await page.locator('#status.busy').waitFor({ state: 'detached' });
}

async function toPaste(page: Page) {
  await page.locator('#create-token').click();
  await page.locator('#have-token').click();
}

describeIfAvailable(
  'chromium',
  chromiumAvailable(),
  '/usr/bin/chromium is missing (apt install chromium)',
)('setup wizard in Chromium', () => {
  beforeAll(async () => {
    buildOnce();
    browser = await launch();
    if (secretServiceSupport().available) {
      const ss = await startSecretService();
      if (ss) keychain = { ss, store: createKeychainStore({ service: 'copilot-meter-e2e' }) };
    }
  });
  afterAll(async () => {
    await browser?.close();
    await keychain?.ss.stop();
  });

  for (const lang of ['en', 'zh'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`walks from "nothing found" to the first reading (${lang}, ${scheme}), screenshotting each step`, async () => {
        const w = await start(patState(billingCreditsMultiModel), {
          keychain: lang === 'en' && scheme === 'light',
        });
        const { page, responses, problems } = await openWizard(browser!, {
          dispatch: w.dispatch,
          colorScheme: scheme,
          locale: lang === 'zh' ? 'zh-CN' : 'en-US',
        });
        const name = (step: string) => `${step}-${lang}-${scheme}`;
        // One run stores into the real Secret Service when this machine has one.
        if (keychain && lang === 'en' && scheme === 'light') expect(w.secrets.kind).toBe('keychain');
        await expect
          .poll(() => page.locator('#found').textContent())
          .toBe(
            lang === 'en' ? 'No Copilot login found on this computer.' : '在这台电脑上未找到 Copilot 登录。',
          );
        await shot(page, name('1-welcome'));

        await page.locator('#create-token').click();
        await expect.poll(() => focusedId(page)).toBe('open-template');
        await page.locator('#open-template').click();
        await expect.poll(() => w.opened.length).toBe(1);
        expect(w.opened[0]).toContain('/settings/personal-access-tokens/new?name=Copilot%20Meter');
        await shot(page, name('2-create'));

        await page.locator('#have-token').click();
        await expect.poll(() => focusedId(page)).toBe('token');
        await page.locator('#token').fill(PAT);
        await expect.poll(() => page.locator('#token-shape').getAttribute('class')).toContain('good');
        expect(await page.locator('#token').getAttribute('type')).toBe('password');
        await shot(page, name('3-paste'));

        await pasteAndCheck(page, PAT);
        await expect.poll(() => page.locator('input[name=plan]').count()).toBe(6);
        await shot(page, name('4-plan'));

        // Keyboard only: focus the Pro radio, select it with Space, submit with Enter.
        await page.locator('input[value=pro]').focus();
        await page.keyboard.press('Space');
        await page.keyboard.press('Enter');
        await page.locator('#reading').waitFor();
        const used = await page.locator('#reading-used').textContent();
        expect(used).toBe(
          lang === 'en' ? '1,087.75 / 1,500 AI credits used' : '已用 1,087.75 / 1,500 AI 积分',
        );
        expect(await page.locator('#reading-percent').textContent()).toBe(
          lang === 'en' ? '72 % used · 27 % left' : '已用 72% · 剩余 27%',
        );
        expect(await page.locator('.models li').count()).toBe(3);
        await shot(page, name('5-done'));
        // The month at a glance is one click away: the last step opens the Usage window.
        await page.locator('#open-usage').click();
        await expect.poll(() => w.usageOpened).toBe(1);

        // The token went to the store, and never came back: not in the page, not in any response.
        expect(await w.secrets.get(`${new URL(w.fake.url).host}/octocat`)).toBe(PAT);
        expect(await visibleState(page)).not.toContain(PAT);
        expect(JSON.stringify(responses)).not.toContain(PAT);
        expect(await page.content()).toContain(`…${PAT.slice(-4)}`);
        expect(problems).toEqual([]);
        await page.context().close();
      });
    }
  }

  const failures: Array<[string, Partial<FakeState> | 'offline' | 'revoked', string]> = [
    ['401 revoked (unknown to GitHub)', 'revoked', 'GitHub rejected the token (revoked or mistyped)'],
    [
      '401 expired',
      { tokens: { [PAT]: { login: 'octocat', kind: 'pat', permissions: ['plan'], expired: true } } },
      'The token has expired. Create a new one',
    ],
    [
      '403 Plan permission missing',
      { tokens: { [PAT]: { login: 'octocat', kind: 'pat', permissions: [] } } },
      'Account permissions → Plan → Read-only',
    ],
    ['rate-limited', { rateLimit: { limit: 5000, remaining: 0 } }, 'GitHub is rate-limiting requests'],
    ['offline', 'offline', 'the connection was refused (nothing answers on that port)'],
    ['404 seat billed to an organization', {}, 'Your Copilot seat is billed to an organization'],
  ];
  for (const [what, state, message] of failures) {
    it(`says what is wrong and what to do when the check fails: ${what}`, async () => {
      const w = await start(patState(billingCreditsMultiModel, typeof state === 'string' ? {} : state));
      if (what.startsWith('404')) w.fake.state.billing = {};
      if (state === 'revoked') delete w.fake.state.tokens[PAT];
      if (state === 'offline') await w.fake.close();
      const { page, responses } = await openWizard(browser!, { dispatch: w.dispatch });
      await toPaste(page);
      await pasteAndCheck(page, PAT);
      expect(await heading(page)).toBe('Paste your token');
      expect(await page.locator('#status').getAttribute('role')).toBe('alert');
      expect(await status(page)).toContain(message);
      // Focus returns to the field so the user can fix the token at once.
      expect(await focusedId(page)).toBe('token');
      expect(await w.secrets.list()).toEqual([]);
      expect(JSON.stringify(responses)).not.toContain(PAT);
      await shot(page, `error-${what.split(' ').slice(0, 2).join('-')}-en-light`);
      await page.context().close();
    });
  }

  /** A machine signed in to OpenCode (a Pro+ seat) next to a PAT in the credits world. */
  const startWithOpenCodeLogin = () =>
    start(
      patState(billingCreditsMultiModel, {
        tokens: { [OAUTH]: { login: 'octocat', kind: 'oauth', permissions: [] } },
        internalUser: { [OAUTH]: internalProPlus },
      }),
      {
        homeFiles: {
          '.local/share/opencode/auth.json': {
            'github-copilot': { type: 'oauth', refresh: OAUTH, access: OAUTH, expires: 0 },
          },
        },
      },
    );

  it('offers a found OpenCode login and shows its reading without any token', async () => {
    const w = await startWithOpenCodeLogin();
    for (const scheme of ['light', 'dark'] as const) {
      const { page, responses } = await openWizard(browser!, { dispatch: w.dispatch, colorScheme: scheme });
      expect(await page.locator('#found').textContent()).toContain('Signed in to OpenCode');
      expect(await page.locator('main').textContent()).toContain('internal GitHub endpoint');
      await shot(page, `1-welcome-found-en-${scheme}`);
      await page.getByRole('button', { name: 'Use this login: OpenCode' }).click();
      await page.locator('#reading').waitFor();
      expect(await page.locator('main').textContent()).toContain('Using your OpenCode login.');
      expect(await page.locator('#reading-used').textContent()).toBe('375 / 1,500 premium requests used');
      await shot(page, `5-done-found-en-${scheme}`);
      expect(await visibleState(page)).not.toContain(OAUTH);
      expect(JSON.stringify(responses)).not.toContain(OAUTH);
      await page.context().close();
    }
  });

  it('keeps keyboard focus on the control after an async action (open a page, a found login that fails)', async () => {
    const w = await start(patState(billingCreditsMultiModel), {
      // An OpenCode login whose token GitHub does not know: using it fails.
      homeFiles: {
        '.local/share/opencode/auth.json': {
          'github-copilot': { type: 'oauth', refresh: OAUTH, access: OAUTH, expires: 0 },
        },
      },
    });
    const { page, problems } = await openWizard(browser!, { dispatch: w.dispatch });
    await page.locator('#use-opencode').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#status').getAttribute('role')).toBe('alert');
    await expect.poll(() => page.locator('#use-opencode').isDisabled()).toBe(false);
    expect(await focusedId(page)).toBe('use-opencode');

    await page.locator('#create-token').click();
    for (const [id, opened] of [
      ['open-template', 1],
      ['open-tokens', 2],
    ] as const) {
      await page.locator(`#${id}`).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => w.opened.length).toBe(opened);
      await expect.poll(() => status(page)).toBe('Opened in your browser.');
      await expect.poll(() => page.locator(`#${id}`).isDisabled()).toBe(false);
      expect(await focusedId(page)).toBe(id);
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('unknown billing world: offers every plan by name (no request numbers), and a custom allowance', async () => {
    const w = await start(patState(billingCreditsMultiModel));
    // GitHub's answer showed no world: the check result says unit null (as the contract allows).
    const { page } = await openWizard(browser!, {
      dispatch: async (channel, arg) => {
        const r = await w.dispatch(channel, arg);
        return channel === 'setup:checkToken' && r.ok
          ? { ...r, value: { ...(r.value as object), unit: null } }
          : r;
      },
    });
    await toPaste(page);
    await pasteAndCheck(page, PAT);
    await expect.poll(() => page.locator('input[name=plan]').count()).toBe(7);
    expect(await page.locator('#plan-unknown-world').textContent()).toContain(
      'whether your account counts premium requests or AI credits',
    );
    const labels = await page.locator('label.radio').allTextContents();
    expect(labels).toEqual([
      'Copilot Free',
      'Copilot Pro',
      'Copilot Pro+',
      'Copilot Max',
      'Copilot Business',
      'Copilot Enterprise',
      'Custom allowance',
    ]);
    await page.locator('#plan-custom').check();
    expect(await page.locator('label[for=custom-allowance]').textContent()).toBe('Monthly allowance');
    await shot(page, '4-plan-unknown-en-light');
    await page.locator('#plan-max').check();
    await page.locator('#save').click();
    await page.locator('#reading').waitFor();
    expect(w.settings.get().plan).toBe('max');
    expect(await page.locator('#reading-used').textContent()).toBe('1,087.75 / 20,000 AI credits used');
    await page.context().close();
  });

  it('a detected plan can still be given a custom allowance', async () => {
    const w = await startWithOpenCodeLogin();
    const { page, problems } = await openWizard(browser!, { dispatch: w.dispatch });
    await toPaste(page);
    await pasteAndCheck(page, PAT);
    await expect
      .poll(() => page.locator('#plan-detected').textContent())
      .toBe('GitHub says your plan is Copilot Pro+: 7,000 AI credits per month.');
    expect(await page.locator('#plan-pro\\+').isChecked()).toBe(true);
    // Keyboard: arrow to "Custom allowance" (focus stays on the radio), Tab to its number, type, Enter saves.
    await page.locator('#plan-pro\\+').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('#custom-allowance').count()).toBe(1);
    expect(await focusedId(page)).toBe('plan-custom');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('custom-allowance');
    await page.keyboard.type('9000');
    await shot(page, '4-plan-detected-custom-en-light');
    await page.keyboard.press('Enter');
    await page.locator('#reading').waitFor();
    expect(w.settings.get()).toMatchObject({ plan: 'pro+', allowanceOverride: 9000 });
    expect(await page.locator('#reading-used').textContent()).toBe('1,087.75 / 9,000 AI credits used');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('warns about a classic token while typing and after the check', async () => {
    const w = await start(patState(billingEmpty));
    const { page } = await openWizard(browser!, { dispatch: w.dispatch });
    await toPaste(page);
    await page.locator('#token').fill(CLASSIC);
    await expect.poll(() => page.locator('#token-shape').textContent()).toContain('classic token (ghp_)');
    await pasteAndCheck(page, CLASSIC);
    await expect.poll(() => page.locator('main').textContent()).toContain('Classic token: it works');
    expect(await page.locator('main').textContent()).toContain('No usage recorded this month yet');
    await shot(page, 'warning-classic-en-light');
    await page.context().close();
  });

  it('switches language in the UI, keeps the pasted text, and remembers the choice', async () => {
    const w = await start(patState(billingCreditsMultiModel));
    const { page } = await openWizard(browser!, { dispatch: w.dispatch });
    expect(await heading(page)).toBe('Welcome');
    await toPaste(page);
    await page.locator('#token').fill('github_pat_partial');
    await page.locator('#lang').selectOption('fr');
    await expect.poll(() => heading(page)).toBe('Collez votre jeton');
    expect(await page.locator('#token').inputValue()).toBe('github_pat_partial');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.locator('#lang').selectOption('zh');
    await expect.poll(() => heading(page)).toBe('粘贴令牌');
    await expect.poll(() => w.settings.get().language).toBe('zh');
    await page.locator('#token').fill('');
    await page.keyboard.press('Escape');
    await expect.poll(() => heading(page)).toBe('创建只读令牌');
    await page.context().close();

    // Re-opened: the stored choice wins over the OS language.
    const again = await openWizard(browser!, { dispatch: w.dispatch, locale: 'en-US' });
    expect(await heading(again.page)).toBe('欢迎');
    await again.page.locator('#lang').selectOption('system');
    await expect.poll(() => heading(again.page)).toBe('Welcome');
    await expect.poll(() => w.settings.get().language).toBeNull();
    await again.page.context().close();
  });

  it('re-opened after saving, shows only "token for @user ending …" with Replace and Remove', async () => {
    const w = await start(patState(billingCreditsMultiModel), {
      homeFiles: {
        '.config/opencode/copilot-quota-token.json': { token: LEGACY_PAT, username: 'octocat', tier: 'pro' },
      },
      // The app's layered store over a memory stand-in for the keychain: saves land "in the keychain", so the
      // legacy file may be deleted afterwards.
      secrets: createSessionFallbackStore(createMemoryStore()),
    });
    const first = await openWizard(browser!, { dispatch: w.dispatch });
    // The legacy file is offered; its token is imported (checked), saved, then the file deleted.
    await first.page.locator('#use-legacy').click();
    await first.page.locator('input[value=pro]').waitFor();
    expect(await first.page.locator('input[value=pro]').isChecked()).toBe(true);
    await first.page.locator('#save').click();
    await first.page.locator('#delete-legacy').click();
    await expect.poll(() => first.page.locator('main').textContent()).toContain('Old token file deleted.');
    await first.page.context().close();

    for (const scheme of ['light', 'dark'] as const) {
      const { page, responses } = await openWizard(browser!, { dispatch: w.dispatch, colorScheme: scheme });
      expect(await heading(page)).toBe('Your token');
      expect(await page.locator('#accounts').textContent()).toContain(
        `Token for @octocat ending …${LEGACY_PAT.slice(-4)}`,
      );
      expect(await visibleState(page)).not.toContain(LEGACY_PAT);
      expect(JSON.stringify(responses)).not.toContain(LEGACY_PAT);
      await shot(page, `0-stored-en-${scheme}`);
      await page.context().close();
    }

    const { page } = await openWizard(browser!, { dispatch: w.dispatch });
    await page.getByRole('button', { name: 'Remove: @octocat' }).click();
    await expect.poll(() => heading(page)).toBe('Welcome');
    expect(await status(page)).toBe('Token removed from the keychain.');
    expect(await w.secrets.list()).toEqual([]);
    await page.context().close();
  });

  it('does not offer to delete the legacy file after saving a different, pasted token', async () => {
    const w = await start(patState(billingCreditsMultiModel), {
      homeFiles: {
        '.config/opencode/copilot-quota-token.json': { token: LEGACY_PAT, username: 'octocat', tier: 'pro' },
      },
      secrets: createSessionFallbackStore(createMemoryStore()),
    });
    const { page, problems } = await openWizard(browser!, { dispatch: w.dispatch });
    // Imported first, then replaced by a pasted token: what is saved is not the file's token.
    await page.locator('#use-legacy').click();
    await page.locator('input[value=pro]').waitFor();
    await page.keyboard.press('Escape');
    await pasteAndCheck(page, PAT);
    await page.locator('input[value=pro]').check();
    await page.locator('#save').click();
    await page.locator('#reading').waitFor();
    expect(await page.locator('#saved-where').textContent()).toBe('Saved in the system keychain.');
    expect(await page.locator('#delete-legacy').count()).toBe(0);
    // And main would refuse anyway, in the user's language.
    expect(await w.dispatch('setup:deleteLegacy', undefined)).toMatchObject({ ok: false });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('keychain unavailable: says so, offers Try again and "Keep for this session only", never writes the token', async () => {
    // The real keychain store, whose Secret Service cannot be reached (as libsecret reports it without a bus).
    const broken = createKeychainStore({
      load: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
    });
    const w = await start(patState(billingCreditsMultiModel), {
      secrets: createSessionFallbackStore(broken),
    });
    const { page, responses, problems } = await openWizard(browser!, { dispatch: w.dispatch });
    await toPaste(page);
    await pasteAndCheck(page, PAT);
    await page.locator('input[value=pro]').check();
    await page.locator('#save').click();

    await page.locator('#retry-keychain').waitFor();
    expect(await page.locator('#status').getAttribute('role')).toBe('alert');
    expect(await status(page)).toContain('The system keychain is not available.');
    expect(await page.locator('#keep-session').textContent()).toBe('Keep for this session only');
    expect(await page.locator('#retry-keychain').textContent()).toBe('Try again');
    await expect.poll(() => focusedId(page)).toBe('retry-keychain');
    await shot(page, 'error-keychain-en-light');

    // Try again (Enter on the focused button): still unavailable, same choices, focus back on it.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#status.busy').count()).toBe(0);
    await expect.poll(() => focusedId(page)).toBe('retry-keychain');
    expect(await status(page)).toContain('The system keychain is not available.');

    // Keyboard only: Shift+Tab from "Try again" reaches "Keep for this session only"; Space presses it.
    await page.keyboard.press('Shift+Tab');
    expect(await focusedId(page)).toBe('keep-session');
    await page.keyboard.press('Space');
    await page.locator('#reading').waitFor();
    const main = () => page.locator('main').textContent();
    expect(await main()).toContain('Kept for this session only — it will be asked again after a restart.');
    expect(await main()).not.toContain('Saved in the system keychain');
    await shot(page, '5-done-session-en-light');

    // The token is in memory only: the settings file marks the account, and no file under HOME holds it.
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) =>
        statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)],
      );
    expect(readFileSync(w.settings.path, 'utf8')).toContain('"sessionOnly": true');
    expect(JSON.parse(readFileSync(w.settings.path, 'utf8')).accounts).toEqual([
      expect.objectContaining({ login: 'octocat', sessionOnly: true }),
    ]);
    expect(files(w.home).length).toBeGreaterThan(0);
    for (const f of files(w.home)) expect(readFileSync(f, 'utf8')).not.toContain(PAT);
    expect(await visibleState(page)).not.toContain(PAT);
    expect(JSON.stringify(responses)).not.toContain(PAT);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('GitHub Enterprise: the typed address is where links go, the token is checked, and what is saved', async () => {
    // A fresh install: settings point at github.com; the "Enterprise" server is the fake GitHub on loopback.
    const w = await start(patState(billingCreditsMultiModel), { apiUrl: 'https://api.github.com' });
    const { page, responses, problems } = await openWizard(browser!, { dispatch: w.dispatch });
    await page.locator('#create-token').click();
    const box = page.locator('#server-box');
    expect(await box.getAttribute('open')).toBeNull();
    expect(await page.locator('#server').isVisible()).toBe(false);

    // Keyboard: the summary is focusable and Enter opens it.
    await page.locator('#server-summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => box.getAttribute('open')).toBe('');
    expect(await page.locator('#server-host').textContent()).toBe('Tokens will be created on github.com.');

    await page.locator('#server').fill('acme.ghe.com');
    await page.locator('#server').press('Enter');
    await expect
      .poll(() => page.locator('#server-host').textContent())
      .toBe('Tokens will be created on acme.ghe.com.');
    expect(await focusedId(page)).toBe('server');
    await page.locator('#open-template').click();
    await expect.poll(() => w.opened.length).toBe(1);
    // acme.ghe.com is not saved yet: main asked the user (the test world answers "Open") before opening it.
    expect(w.confirmAsked).toEqual(['acme.ghe.com']);
    expect(w.opened[0]).toMatch(/^https:\/\/acme\.ghe\.com\/settings\/personal-access-tokens\/new\?/);
    await shot(page, '2-create-ghe-en-light');

    // The real target: the fake GitHub's address, typed and used without pressing "Use this address".
    const fakeHost = new URL(w.fake.url).host;
    await page.locator('#server').fill(w.fake.url);
    await page.locator('#have-token').click();
    expect(await box.getAttribute('open')).toBe('');
    await pasteAndCheck(page, PAT);
    await expect.poll(() => page.locator('input[name=plan]').count()).toBe(6);
    expect(await page.locator('main').textContent()).toContain(`@octocat on ${fakeHost}`);
    await page.locator('input[value=pro]').check();
    await page.locator('#save').click();
    await page.locator('#reading').waitFor();

    const file = JSON.parse(readFileSync(w.settings.path, 'utf8')) as {
      apiUrl: string;
      activeAccount: string;
    };
    expect(file.apiUrl).toBe(w.fake.url);
    expect(file.activeAccount).toBe(`${fakeHost}/octocat`);
    expect(await w.secrets.get(`${fakeHost}/octocat`)).toBe(PAT);
    expect(JSON.stringify(responses)).not.toContain(PAT);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('GitHub Enterprise: plain http to a remote host is refused under the field, and nothing is sent', async () => {
    const w = await start(patState(billingCreditsMultiModel), { apiUrl: 'https://api.github.com' });
    const calls: string[] = [];
    const { page } = await openWizard(browser!, {
      dispatch: (channel, arg) => {
        calls.push(String(channel));
        return w.dispatch(channel, arg);
      },
    });
    await toPaste(page);
    await page.locator('#server-summary').click();
    await page.locator('#server').fill('http://example.com');
    await page.locator('#token').fill(PAT);
    await page.locator('#token').press('Enter');
    const insecure =
      'Refusing to send a token over plain http to example.com. Use https (http only for 127.0.0.1).';
    await expect.poll(() => page.locator('#server-error').textContent()).toBe(insecure);
    expect(await page.locator('#server-error').getAttribute('role')).toBe('alert');
    expect(await page.locator('#server').getAttribute('aria-invalid')).toBe('true');
    expect(await focusedId(page)).toBe('server');
    expect(await heading(page)).toBe('Paste your token');
    expect(await page.locator('#server-host').textContent()).toBe('Tokens will be created on github.com.');
    await shot(page, 'error-ghe-insecure-en-light');

    // In French too, through the same core message.
    await page.locator('#lang').selectOption('fr');
    await page.locator('#set-server').click();
    await expect
      .poll(() => page.locator('#server-error').textContent())
      .toContain('Refus d’envoyer un jeton');

    // The address went to main only to be refused: no token check, nothing to GitHub, nothing in settings.
    expect(calls).toContain('setup:setServer');
    expect(calls).not.toContain('setup:checkToken');
    expect(w.fake.requests).toEqual([]);
    expect(w.settings.get().apiUrl).toBe('https://api.github.com');
    expect(await w.secrets.list()).toEqual([]);
    await page.context().close();
  });

  // ---- by keyboard and by contrast (issue 14, items 19-21) ----

  it('arrow keys move between the plans only: Pro, ArrowUp, ArrowUp, Enter saves a plan, never an allowance of 1', async () => {
    const w = await start(patState(billingCreditsMultiModel));
    const { page, problems } = await openWizard(browser!, { dispatch: w.dispatch });
    await toPaste(page);
    await pasteAndCheck(page, PAT);
    const values = await page
      .locator('input[name=plan]')
      .evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value));
    expect(values).toEqual(['pro', 'pro+', 'max', 'business', 'enterprise', 'custom']);
    await page.locator('#plan-pro').focus();
    await page.keyboard.press('Space');
    // ArrowUp from the first plan wraps to "Custom allowance": its field appears, focus stays on the radios.
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.locator('#custom-allowance').count()).toBe(1);
    expect(await focusedId(page)).toBe('plan-custom');
    await page.keyboard.press('ArrowUp');
    expect(await focusedId(page)).toBe('plan-enterprise');
    expect(await page.locator('#plan-enterprise').isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('#reading').waitFor();
    expect(w.settings.get()).toMatchObject({ plan: 'enterprise', allowanceOverride: null });
    expect(await page.locator('#reading-used').textContent()).toBe('1,087.75 / 3,900 AI credits used');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('the custom number changes only when typed: arrow keys in its field leave it as it is', async () => {
    const w = await start(patState(billingCreditsMultiModel));
    const { page } = await openWizard(browser!, { dispatch: w.dispatch });
    await toPaste(page);
    await pasteAndCheck(page, PAT);
    await page.locator('#plan-custom').check();
    await page.locator('#custom-allowance').click();
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('#custom-allowance').inputValue()).toBe('');
    await page.keyboard.type('2,500');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#custom-allowance').inputValue()).toBe('2,500');
    await page.keyboard.press('Enter');
    await page.locator('#reading').waitFor();
    expect(w.settings.get().allowanceOverride).toBe(2500);
    await page.context().close();
  });

  it('Escape in the Enterprise address closes that box and stays on the Paste step; a second Escape goes back', async () => {
    const w = await start(patState(billingCreditsMultiModel), { apiUrl: 'https://api.github.com' });
    const { page, problems } = await openWizard(browser!, { dispatch: w.dispatch });
    await toPaste(page);
    await page.locator('#token').fill(PAT);
    await page.locator('#server-summary').click();
    await page.locator('#server').fill('acme.ghe.com');
    await page.keyboard.press('Escape');
    expect(await heading(page)).toBe('Paste your token');
    expect(await page.locator('#server-box').getAttribute('open')).toBeNull();
    expect(await focusedId(page)).toBe('server-summary');
    // Nothing typed was lost.
    expect(await page.locator('#token').inputValue()).toBe(PAT);
    expect(await page.locator('#server').inputValue()).toBe('acme.ghe.com');
    await page.keyboard.press('Escape');
    await expect.poll(() => heading(page)).toBe('Create a read-only token');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  for (const [lang, scheme] of [
    ['en', 'light'],
    ['zh', 'dark'],
  ] as const) {
    it(`messages go once they stop being true: the token's, the custom number's, the address's (${lang}, ${scheme})`, async () => {
      const w = await start(patState(billingCreditsMultiModel), { apiUrl: 'https://api.github.com' });
      const { page, problems } = await openWizard(browser!, {
        dispatch: w.dispatch,
        colorScheme: scheme,
        locale: lang === 'zh' ? 'zh-CN' : 'en-US',
      });
      const name = (state: string) => `${state}-${lang}-${scheme}`;
      await toPaste(page);
      // An empty token: refused with a message beside the field.
      await page.locator('#token').press('Enter');
      await expect.poll(() => status(page)).toContain('token is empty');
      expect(await page.locator('#token').getAttribute('aria-invalid')).toBe('true');
      await shot(page, name('error-token-empty'));
      // Pasting a token answers it: the message goes, the shape hint stays.
      await page.locator('#token').fill(PAT);
      await expect.poll(() => status(page)).toBe('');
      expect(await page.locator('#token').getAttribute('aria-invalid')).toBe('false');
      expect(await page.locator('#token-shape').textContent()).toBe(
        lang === 'en' ? 'Looks like a fine-grained token.' : '看起来是细粒度令牌。',
      );

      // A refused address, then an edit: the refusal goes with the address it was about.
      await page.locator('#server-summary').click();
      await page.locator('#server').fill('http://example.com');
      await page.locator('#set-server').click();
      await expect.poll(() => page.locator('#server-error').textContent()).not.toBe('');
      await shot(page, name('error-ghe-insecure'));
      await page.locator('#server').fill(w.fake.url);
      await expect.poll(() => page.locator('#server-error').textContent()).toBe('');
      expect(await page.locator('#server').getAttribute('aria-invalid')).toBe('false');

      await pasteAndCheck(page, PAT);
      await page.locator('#plan-custom').check();
      await page.locator('#save').click();
      const invalid =
        lang === 'en' ? 'Enter a number from 1 to 10,000,000.' : '请输入 1 到 10,000,000 之间的数字。';
      await expect.poll(() => status(page)).toBe(invalid);
      await shot(page, name('4-plan-error-custom'));
      // Choosing Pro instead makes "enter a number" moot.
      await page.locator('#plan-pro').check();
      await expect.poll(() => status(page)).toBe('');
      // And typing a number answers it too.
      await page.locator('#plan-custom').check();
      await page.locator('#save').click();
      await expect.poll(() => status(page)).toBe(invalid);
      await page.locator('#custom-allowance').fill('5');
      await expect.poll(() => status(page)).toBe('');
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});
