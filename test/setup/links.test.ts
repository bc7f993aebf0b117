import { describe, expect, it } from 'vitest';
import { EXTERNAL_TARGETS } from '../../shared/ipc';
import { externalUrl, isAllowedExternalUrl, newTokenTemplateUrl } from '../../main/setup/links';

describe('the token template URL', () => {
  it('pre-fills name, description, a 90-day expiry and Plan read on github.com', () => {
    const u = new URL(newTokenTemplateUrl());
    expect(u.origin).toBe('https://github.com');
    expect(u.pathname).toBe('/settings/personal-access-tokens/new');
    expect(u.searchParams.get('name')).toBe('Copilot Meter');
    expect(u.searchParams.get('expires_in')).toBe('90');
    expect(u.searchParams.get('plan')).toBe('read');
    expect(u.searchParams.get('description')).toMatch(/Plan/);
    // Spaces as %20, the form GitHub's template docs show.
    expect(newTokenTemplateUrl()).toContain('name=Copilot%20Meter');
  });

  it('follows the user’s GHE host', () => {
    expect(new URL(newTokenTemplateUrl('acme.ghe.com')).host).toBe('acme.ghe.com');
    expect(externalUrl('billingPage', 'acme.ghe.com')).toBe('https://acme.ghe.com/settings/billing');
  });

  it('builds the tokens list and billing pages the wizard links to', () => {
    expect(externalUrl('tokensPage')).toBe('https://github.com/settings/tokens?type=beta');
    expect(externalUrl('billingPage')).toBe('https://github.com/settings/billing');
  });

  it('only ever builds URLs its own allowlist accepts', () => {
    for (const host of ['github.com', 'acme.ghe.com']) {
      for (const target of EXTERNAL_TARGETS) {
        expect(isAllowedExternalUrl(externalUrl(target, host), { webHost: host })).toBe(true);
      }
    }
  });
});

describe('isAllowedExternalUrl', () => {
  const allowed = (url: string, webHost?: string) => isAllowedExternalUrl(url, webHost ? { webHost } : {});

  it('allows https settings and billing pages on github.com', () => {
    expect(allowed('https://github.com/settings/tokens?type=beta')).toBe(true);
    expect(allowed('https://github.com/settings/billing/summary')).toBe(true);
    expect(allowed('https://GitHub.com/settings/personal-access-tokens/new')).toBe(true);
  });

  it('refuses plain http and other schemes', () => {
    expect(allowed('http://github.com/settings/billing')).toBe(false);
    expect(allowed('javascript:alert(1)')).toBe(false);
    expect(allowed('file:///etc/passwd')).toBe(false);
    expect(allowed('data:text/html,<script>alert(1)</script>')).toBe(false);
    expect(allowed('not a url')).toBe(false);
  });

  it('refuses other hosts and lookalikes', () => {
    expect(allowed('https://github.com.evil.io/settings/billing')).toBe(false);
    expect(allowed('https://evil-github.com/settings/billing')).toBe(false);
    expect(allowed('https://api.github.com/settings/billing')).toBe(false);
    expect(allowed('https://gist.github.com/settings/billing')).toBe(false);
    expect(allowed('https://github.com:8443/settings/billing')).toBe(false);
    expect(allowed('https://xn--github-9ya.com/settings/billing')).toBe(false);
  });

  it('refuses userinfo tricks that put the real host after an @', () => {
    expect(allowed('https://github.com@evil.io/settings/billing')).toBe(false);
    expect(allowed('https://github.com:pw@evil.io/settings/billing')).toBe(false);
    expect(allowed('https://user@github.com/settings/billing')).toBe(false);
    expect(allowed('https://evil.io\\@github.com/settings/billing')).toBe(false);
  });

  it('refuses github.com pages outside settings and billing', () => {
    expect(allowed('https://github.com/')).toBe(false);
    expect(allowed('https://github.com/login/oauth/authorize?client_id=x')).toBe(false);
    expect(allowed('https://github.com/settings/tokensX')).toBe(false);
    expect(allowed('https://github.com/evil/settings/billing')).toBe(false);
    expect(allowed('https://github.com/settings/../logout')).toBe(false);
  });

  it('allows the user’s own GHE host only when it is named', () => {
    expect(allowed('https://acme.ghe.com/settings/billing')).toBe(false);
    expect(allowed('https://acme.ghe.com/settings/billing', 'acme.ghe.com')).toBe(true);
    expect(allowed('https://other.ghe.com/settings/billing', 'acme.ghe.com')).toBe(false);
  });
});

describe('isAllowedExternalUrl with a GitHub Enterprise web host', () => {
  const GHE = 'github.acme-corp.com';
  const allowed = (url: string) => isAllowedExternalUrl(url, { webHost: GHE });

  it('allows the chosen host’s settings pages, built by externalUrl, and still github.com', () => {
    expect(allowed(externalUrl('newTokenTemplate', GHE))).toBe(true);
    expect(allowed(externalUrl('tokensPage', GHE))).toBe(true);
    expect(allowed('https://GitHub.Acme-Corp.com/settings/tokens')).toBe(true);
    expect(allowed('https://github.com/settings/tokens?type=beta')).toBe(true);
  });

  it('refuses lookalikes of the chosen host', () => {
    for (const url of [
      'https://github.acme-corp.com.evil.io/settings/tokens',
      'https://evilgithub.acme-corp.com/settings/tokens',
      'https://evil-github.acme-corp.com/settings/tokens',
      'https://sub.github.acme-corp.com/settings/tokens',
      'https://api.github.acme-corp.com/settings/tokens',
      'https://acme-corp.com/settings/tokens',
      'https://github.acme-corp.co/settings/tokens',
      'https://github.acme-corp.com:8443/settings/tokens',
      'https://github.acme-corp.com@evil.io/settings/tokens',
      'https://evil.io\\@github.acme-corp.com/settings/tokens',
      'https://user@github.acme-corp.com/settings/tokens',
    ]) {
      expect(allowed(url), url).toBe(false);
    }
  });

  it('refuses plain http, other pages and other GHE hosts on the chosen host', () => {
    expect(allowed('http://github.acme-corp.com/settings/tokens')).toBe(false);
    expect(allowed('https://github.acme-corp.com/login')).toBe(false);
    expect(allowed('https://github.acme-corp.com/settings/tokensX')).toBe(false);
    expect(allowed('https://other.ghe.com/settings/tokens')).toBe(false);
    expect(allowed('https://acme.ghe.com/settings/tokens')).toBe(false);
  });
});
