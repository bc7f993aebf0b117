/** The tray app's `--api-url` and COPILOT_METER_API_URL (main/app/app-args.ts), checked like the CLI's. */
import { describe, expect, it } from 'vitest';
import { apiOverride, apiUrlArg } from '../../main/app/app-args';

// As Electron's process.argv looks in development (`electron . --api-url …`) and packaged (`copilot-meter …`).
const dev = (...a: string[]) => ['/usr/lib/electron/electron', '.', ...a];
const packaged = (...a: string[]) => ['/opt/Copilot Meter/copilot-meter', ...a];

describe('the app’s --api-url', () => {
  it('takes --api-url URL and --api-url=URL, in development and packaged', () => {
    expect(apiUrlArg(dev('--api-url', 'http://127.0.0.1:8787'))).toBe('http://127.0.0.1:8787');
    expect(apiUrlArg(packaged('--api-url=https://api.acme.ghe.com'))).toBe('https://api.acme.ghe.com');
    expect(apiUrlArg(packaged('--no-sandbox'))).toBeUndefined();
  });

  it('normalises the address like the CLI, the flag winning over the variable', () => {
    expect(apiOverride(packaged('--api-url', 'acme.ghe.com'), {})).toEqual({
      ok: true,
      apiUrl: 'https://api.acme.ghe.com',
    });
    expect(
      apiOverride(packaged('--api-url', 'http://127.0.0.1:9'), { COPILOT_METER_API_URL: 'ghes.corp' }),
    ).toEqual({ ok: true, apiUrl: 'http://127.0.0.1:9' });
    expect(apiOverride(packaged(), { COPILOT_METER_API_URL: 'ghes.corp' })).toEqual({
      ok: true,
      apiUrl: 'https://ghes.corp/api/v3',
    });
    expect(apiOverride(packaged(), {})).toEqual({ ok: true, apiUrl: undefined });
  });

  it('refuses plain http to anything but loopback, other schemes and a missing value', () => {
    expect(apiOverride(packaged('--api-url', 'http://ghes.corp'), {})).toMatchObject({
      ok: false,
      error: { kind: 'config', reason: 'insecureUrl' },
    });
    expect(apiOverride(packaged(), { COPILOT_METER_API_URL: 'http://example.com' })).toMatchObject({
      ok: false,
      error: { kind: 'config', reason: 'insecureUrl' },
    });
    expect(apiOverride(packaged('--api-url', 'ftp://x'), {})).toMatchObject({
      ok: false,
      error: { kind: 'config', reason: 'badInput' },
    });
    expect(apiOverride(packaged('--api-url'), {})).toMatchObject({
      ok: false,
      error: { kind: 'config', reason: 'badInput' },
    });
  });
});
