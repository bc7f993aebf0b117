/**
 * All credential sources and the merge. Sources run in parallel; results merge in the order the sources are
 * given (createCredentialSources uses the seed's priority: the app's own PAT first, then the environment, the
 * seed's PAT file, OpenCode, the editor plugins, gh). The same token found twice is kept once, first wins.
 */
import type { CredentialSourceId } from '../../../shared/domain';
import { CREDENTIAL_SOURCE_IDS } from '../../../shared/domain';
import type { SecretStore } from '../../secrets/types';
import type { Env, Files } from '../ports';
import { copilotEditorSource } from './copilot-editor';
import { envSource, stdinSource } from './env';
import { ghCliSource } from './gh-cli';
import { keychainSource } from './keychain';
import { legacyQuotaFileSource } from './legacy-quota-file';
import { opencodeSource } from './opencode';
import type { CredentialLookup, CredentialSource } from './types';

export { tokenHint } from './types';
export type { Credential, CredentialLookup, CredentialSource } from './types';

export interface SourceDeps {
  env: Env;
  files: Files;
  /** null/undefined = no keychain source (e.g. the CLI without a keychain). */
  secrets?: SecretStore | null;
  /** A token the CLI read from stdin for this run (--token-stdin); absent = no stdin source. */
  stdinToken?: string;
}

/** Every source, in priority order (CREDENTIAL_SOURCE_IDS order); `only` narrows them. */
export function createCredentialSources(
  deps: SourceDeps,
  only?: readonly CredentialSourceId[],
): CredentialSource[] {
  const make: Record<CredentialSourceId, () => CredentialSource | null> = {
    keychain: () => (deps.secrets ? keychainSource(deps.secrets) : null),
    stdin: () => (deps.stdinToken !== undefined ? stdinSource(deps.stdinToken, deps.env) : null),
    env: () => envSource(deps.env),
    'legacy-quota-file': () => legacyQuotaFileSource(deps.env, deps.files),
    opencode: () => opencodeSource(deps.env, deps.files),
    'copilot-editor': () => copilotEditorSource(deps.env, deps.files),
    'gh-cli': () => ghCliSource(deps.env, deps.files),
  };
  return CREDENTIAL_SOURCE_IDS.filter((id) => !only || only.includes(id))
    .map((id) => make[id]())
    .filter((s): s is CredentialSource => s !== null);
}

export async function findAllCredentials(sources: readonly CredentialSource[]): Promise<CredentialLookup> {
  const results = await Promise.all(
    sources.map(async (s): Promise<CredentialLookup> => {
      try {
        return await s.find();
      } catch {
        // Sources are written not to throw; if one does anyway, the others must still count.
        return {
          credentials: [],
          problems: [{ source: s.id, origin: s.id, message: `The ${s.id} source failed unexpectedly` }],
        };
      }
    }),
  );
  const merged: CredentialLookup = { credentials: [], problems: [] };
  const seen = new Set<string>();
  for (const r of results) {
    for (const c of r.credentials) {
      // The same token of the same kind twice is kept once (first wins); one token may be tried as two kinds.
      const key = `${c.kind}\u0000${c.token}`;
      if (seen.has(key)) continue;
      seen.add(key);
      merged.credentials.push(c);
    }
    merged.problems.push(...r.problems);
  }
  return merged;
}
