/**
 * A real Usage "world" for service and e2e tests: the real engine reads the fake GitHub over loopback HTTP (as
 * the tray does), the real history store holds the daily history in a temp settings folder, and the real usage
 * service composes the window's view. Only the browser and Electron are absent; the save dialog is a seam that
 * writes where the test says.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { UsageSnapshot } from '../../shared/domain';
import type { ErrorInfo } from '../../shared/errors';
import type { DaySource } from '../../shared/history';
import { createEngine } from '../../main/core/engine';
import { DAY_MS, periodBounds } from '../../main/core/history/outlook';
import { openHistory, type HistoryStore, type StoredDay } from '../../main/core/history/store';
import { FetchHttp } from '../../main/core/http';
import type { Env } from '../../main/core/ports';
import { nodeFiles, systemClock } from '../../main/core/system';
import { openSettings, type SettingsStore } from '../../main/settings/store';
import { createGroupDispatch, type Dispatch } from '../../main/setup/dispatch';
import { refreshOptions } from '../../main/setup/wire';
import { createUsageService, type UsageReading, type UsageService } from '../../main/usage/service';
import { startFakeGitHub, type FakeGitHub, type FakeState } from '../fake-github/server';

export const USAGE_PAT = 'github_pat_11USAGEFAKE0secretPartOfTheToken_us42';

/** Ten models, as a heavy month of agent work might use them. */
export const TEN_MODELS = [
  'Claude Sonnet 4.5',
  'GPT-5',
  'Gemini 2.5 Pro',
  'Claude Opus 4.1',
  'GPT-5 mini',
  'o4-mini',
  'Grok Code Fast 1',
  'Claude Haiku 4.5',
  'GPT-4.1',
  'Gemini 2.5 Flash',
];

export interface UsageWorld {
  fake: FakeGitHub;
  home: string;
  env: Env;
  settings: SettingsStore;
  history: HistoryStore;
  reading: UsageReading;
  service: UsageService;
  dispatch: Dispatch;
  /** Files the save-dialog seam wrote: name → path. */
  saved: string[];
  /** What the save dialog answers: a folder to save in, or null (cancelled). */
  saveTo: string | null;
  closed: number;
  /** One engine refresh, as the tray's scheduler does: success replaces the reading, failure keeps it. */
  refresh(): Promise<void>;
  cleanup(): Promise<void>;
}

export interface UsageWorldOptions {
  fake: Partial<FakeState>;
  /** COPILOT_METER_TOKEN; USAGE_PAT unless given, null for none (a Copilot sign-in from homeFiles instead). */
  envToken?: string | null;
  /** Files under HOME, e.g. an OpenCode sign-in: { '.local/share/opencode/auth.json': {...} }. */
  homeFiles?: Record<string, unknown>;
  plan?: 'pro' | 'pro+' | 'max' | 'business' | 'enterprise' | null;
  now?: () => number;
}

export async function startUsageWorld(opts: UsageWorldOptions): Promise<UsageWorld> {
  const fake = await startFakeGitHub(opts.fake);
  const home = mkdtempSync(join(tmpdir(), 'cm-usage-'));
  const config = join(home, 'config');
  for (const [rel, content] of Object.entries(opts.homeFiles ?? {})) {
    mkdirSync(dirname(join(home, rel)), { recursive: true });
    writeFileSync(join(home, rel), JSON.stringify(content));
  }
  const token = opts.envToken === undefined ? USAGE_PAT : opts.envToken;
  const env: Env = {
    vars: {
      HOME: home,
      COPILOT_METER_CONFIG_DIR: config,
      ...(token ? { COPILOT_METER_TOKEN: token } : {}),
    },
    platform: 'linux',
    homedir: home,
  };
  const settings = openSettings({ env });
  settings.update({ apiUrl: fake.url, plan: opts.plan === undefined ? 'pro' : opts.plan });
  const now = opts.now ?? Date.now;
  const engine = createEngine({
    http: new FetchHttp(),
    clock: { ...systemClock, now },
    env,
    files: nodeFiles,
    secrets: null,
    random: () => 0,
  });
  const history = openHistory({ dir: config, now });
  const world: UsageWorld = {
    fake,
    home,
    env,
    settings,
    history,
    reading: { snapshot: null, error: null, lastAttemptAt: null },
    service: undefined as unknown as UsageService,
    dispatch: undefined as unknown as Dispatch,
    saved: [],
    saveTo: join(home, 'exports'),
    closed: 0,
    async refresh() {
      // The test chose the loopback API itself (as --api-url does): it may play github.com for sign-ins on disk.
      const r = await engine.refresh(refreshOptions(settings.get(), fake.url, undefined, true));
      world.reading = {
        snapshot: r.ok ? r.snapshot : world.reading.snapshot,
        error: r.ok ? null : r.error,
        lastAttemptAt: now(),
      };
    },
    async cleanup() {
      await fake.close().catch(() => undefined);
      rmSync(home, { recursive: true, force: true });
    },
  };
  world.service = createUsageService({
    now,
    reading: () => world.reading,
    language: () => settings.get().language,
    history,
    saveFile: async ({ defaultName, content }) => {
      if (world.saveTo === null) return null;
      mkdirSync(world.saveTo, { recursive: true });
      const path = join(world.saveTo, defaultName);
      writeFileSync(path, content);
      world.saved.push(path);
      return path;
    },
    close: () => {
      world.closed += 1;
    },
  });
  world.dispatch = createGroupDispatch('usage', world.service);
  return world;
}

/** A small deterministic generator (mulberry32): the same "random" history on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const r2 = (n: number) => Math.round(n * 100) / 100;
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Writes the reading's own month into the history, day by day up to today, so that the days add up to the
 * reading (each model's total split over the days with a weekday rhythm, the remainder on today).
 */
export function writeCurrentMonth(
  w: UsageWorld,
  s: UsageSnapshot,
  now: number,
  source: DaySource = 'billing',
): void {
  const b = periodBounds(s.period)!;
  const today = Math.floor((now - b.start) / DAY_MS) + 1;
  const rand = seeded(7);
  const weights = Array.from({ length: today }, (_, i) => {
    const dow = new Date(b.start + i * DAY_MS).getUTCDay();
    return (dow === 0 || dow === 6 ? 0.2 : 1) * (0.5 + rand());
  });
  const sumW = weights.reduce((a, x) => a + x, 0);
  const days: Record<string, StoredDay> = {};
  for (let i = 0; i < today; i++) {
    days[dateOf(b.start + i * DAY_MS)] = { used: 0, models: {}, gross: 0, billed: 0, source, readAt: null };
  }
  const keys = Object.keys(days);
  // A reading without a per-model split (the Copilot sign-in) spreads its total over the days, models unknown.
  const parts = s.models.length ? s.models : [{ model: '', used: s.used ?? 0 }];
  for (const m of parts) {
    let left = m.used;
    keys.forEach((k, i) => {
      const part = i === keys.length - 1 ? r2(left) : r2((m.used * weights[i]!) / sumW);
      left = r2(left - part);
      if (part <= 0) return;
      if (m.model) days[k]!.models[m.model] = part;
      days[k]!.used = r2(days[k]!.used + part);
    });
  }
  for (const k of keys) {
    const d = days[k]!;
    d.gross = r2(d.used * (s.unit === 'credits' ? 0.01 : 0.04));
    if (d.used === 0) delete days[k];
  }
  w.history.update(s.account, (rec) => {
    rec.months[s.period] = { unit: s.unit, used: s.used ?? 0, updatedAt: now, days };
  });
}

/** Writes `count` full months before the reading's month: `models` models, every day, seeded. */
export function writePastMonths(
  w: UsageWorld,
  s: UsageSnapshot,
  count: number,
  models: readonly string[] = TEN_MODELS,
): void {
  const [y, m] = s.period.split('-').map(Number) as [number, number];
  const rand = seeded(count * 31 + models.length);
  w.history.update(s.account, (rec) => {
    for (let k = 1; k <= count; k++) {
      const start = Date.UTC(y, m - 1 - k, 1);
      const end = Date.UTC(y, m - k, 1);
      const period = new Date(start).toISOString().slice(0, 7);
      const days: Record<string, StoredDay> = {};
      let total = 0;
      for (let t = start; t < end; t += DAY_MS) {
        const dow = new Date(t).getUTCDay();
        const busy = dow === 0 || dow === 6 ? 0.15 : 1;
        const used: Record<string, number> = {};
        let sum = 0;
        models.forEach((name, i) => {
          const u = r2(busy * (30 / (i + 1)) * (0.3 + rand() * 1.4));
          if (u > 0) {
            used[name] = u;
            sum = r2(sum + u);
          }
        });
        days[dateOf(t)] = {
          used: sum,
          models: used,
          gross: r2(sum * 0.01),
          billed: 0,
          source: 'billing',
          readAt: null,
        };
        total = r2(total + sum);
      }
      rec.months[period] = { unit: s.unit, used: total, updatedAt: end, days };
    }
  });
}

/** An OpenCode sign-in under HOME: the Copilot sign-in route (the internal endpoint) with this OAuth token. */
export const openCodeLogin = (oauth: string): Record<string, unknown> => ({
  '.local/share/opencode/auth.json': {
    'github-copilot': { type: 'oauth', refresh: oauth, access: oauth, expires: 0 },
  },
});

export type { ErrorInfo };
