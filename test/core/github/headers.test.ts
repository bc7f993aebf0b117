import { describe, expect, it } from 'vitest';
import { errorInfo } from '../../../shared/errors';
import { AI_CREDIT_API_VERSION, APP_VERSION, githubHeaders } from '../../../main/core/github/headers';
import pkg from '../../../package.json';

describe('githubHeaders', () => {
  it('sends the documented REST headers with Bearer and the default API version', () => {
    expect(githubHeaders({ token: 'github_pat_FAKE_x', flavor: 'rest' })).toEqual({
      Authorization: 'Bearer github_pat_FAKE_x',
      Accept: 'application/vnd.github+json',
      'X-GitHub-Api-Version': '2022-11-28',
      'User-Agent': `copilot-meter/${pkg.version}`,
    });
  });

  it('pins the ai_credit API version when asked', () => {
    const h = githubHeaders({ token: 't', flavor: 'rest', apiVersion: AI_CREDIT_API_VERSION });
    expect(h['X-GitHub-Api-Version']).toBe('2026-03-10');
  });

  it('mimics the Copilot Chat editor client for internal endpoints', () => {
    expect(githubHeaders({ token: 'gho_FAKE', flavor: 'copilot' })).toEqual({
      Authorization: 'token gho_FAKE',
      Accept: 'application/json',
      'Editor-Version': 'vscode/1.107.0',
      'Editor-Plugin-Version': 'copilot-chat/0.35.0',
      'User-Agent': 'GitHubCopilotChat/0.35.0',
      'Copilot-Integration-Id': 'vscode-chat',
    });
  });

  it('lets a caller choose the scheme (Bearer for a session token on internal endpoints)', () => {
    expect(githubHeaders({ token: 's', flavor: 'copilot', scheme: 'Bearer' }).Authorization).toBe('Bearer s');
  });

  it('uses the package version in the app User-Agent', () => {
    expect(APP_VERSION).toBe(pkg.version);
  });

  it('refuses a token containing a line break, without quoting the token', () => {
    try {
      githubHeaders({ token: 'ghp_FAKEsecret\nX-Evil: 1', flavor: 'rest' });
      expect.unreachable();
    } catch (e) {
      expect(errorInfo(e)).toMatchObject({ kind: 'config', reason: 'badInput' });
      expect(String(e)).not.toContain('FAKEsecret');
    }
  });
});
