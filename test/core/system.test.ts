import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFiles, systemClock, systemEnv } from '../../main/core/system';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cm-system-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('nodeFiles', () => {
  it('reads a file as text', async () => {
    await writeFile(join(dir, 'a.json'), '{"token":"x"}');
    expect(await nodeFiles.readText(join(dir, 'a.json'))).toBe('{"token":"x"}');
  });

  it('answers null for a missing file or a path through a file', async () => {
    expect(await nodeFiles.readText(join(dir, 'missing.json'))).toBeNull();
    expect(await nodeFiles.readText(join(dir, 'a.json', 'below'))).toBeNull();
  });

  it('refuses a directory as not a regular file, without reading it', async () => {
    await expect(nodeFiles.readText(dir)).rejects.toMatchObject({ code: 'ENOTREG' });
  });
});

describe('systemClock', () => {
  it('tells the time and sleeps about as long as asked', async () => {
    const t0 = systemClock.now();
    expect(Math.abs(t0 - Date.now())).toBeLessThan(50);
    await systemClock.sleep(30);
    expect(systemClock.now() - t0).toBeGreaterThanOrEqual(25);
  });

  it('rejects a sleep with the abort reason, at once when already aborted', async () => {
    const c = new AbortController();
    setTimeout(() => c.abort(new Error('cancelled')), 10);
    await expect(systemClock.sleep(10_000, c.signal)).rejects.toThrow('cancelled');
    await expect(systemClock.sleep(10_000, c.signal)).rejects.toThrow('cancelled');
  });

  it('runs a timer unless it is cancelled', async () => {
    const fired: string[] = [];
    systemClock.setTimer(5, () => fired.push('kept'));
    const cancel = systemClock.setTimer(5, () => fired.push('cancelled'));
    cancel();
    await systemClock.sleep(40);
    expect(fired).toEqual(['kept']);
  });
});

describe('systemEnv', () => {
  it('reflects the process environment, platform and home directory', () => {
    process.env.COPILOT_METER_SYSTEM_TEST = 'yes';
    try {
      const env = systemEnv();
      expect(env.vars.COPILOT_METER_SYSTEM_TEST).toBe('yes');
      expect(env.platform).toBe(process.platform);
      expect(env.homedir).toBe(homedir());
    } finally {
      delete process.env.COPILOT_METER_SYSTEM_TEST;
    }
  });
});
