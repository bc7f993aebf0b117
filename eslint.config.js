// Lint: typescript-eslint's recommended rules plus the layering described in docs/architecture.md, enforced by
// no-restricted-imports per folder (no extra plugin needed):
//   shared/     imports nothing from main/ or renderer/, no node:*, no electron
//   main/core   never imports electron, main/app, main/cli
//   main/{secrets,settings,setup,cli} never import electron or main/app
//   renderer/   never imports main/ or node:*; only the preload may import electron
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'crypto',
  'url',
  'util',
];
const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map(([group, message]) => ({ group, message })) }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([
      [['**/main/**', '**/renderer/**'], 'shared/ is a leaf: it imports nothing from main/ or renderer/.'],
      [['electron', ...nodeBuiltins], 'shared/ runs everywhere: no node:* and no electron.'],
    ]),
  },
  {
    files: ['main/core/**/*.ts'],
    rules: restrict([
      [['electron', 'electron-store'], 'main/core is Node-only: Electron enters through main/app adapters.'],
      [
        ['**/app/**', '**/cli/**', '**/renderer/**'],
        'main/core must not depend on its faces (app, cli, renderer).',
      ],
    ]),
  },
  {
    files: ['main/secrets/**/*.ts', 'main/settings/**/*.ts', 'main/setup/**/*.ts', 'main/cli/**/*.ts'],
    rules: restrict([
      [['electron', 'electron-store'], 'Only main/app imports electron.'],
      [['**/app/**', '**/renderer/**'], 'Only main/app glues the layers together.'],
    ]),
  },
  {
    files: ['renderer/**/*.ts'],
    ignores: ['renderer/preload.ts'],
    rules: restrict([
      [['**/main/**'], 'The renderer talks to main only through the typed bridge (shared/ipc.ts).'],
      [['electron', ...nodeBuiltins], 'The renderer is sandboxed: no Node, no electron.'],
    ]),
  },
  {
    files: ['renderer/preload.ts'],
    rules: restrict([
      [['**/main/**'], 'The preload exposes shared/ipc.ts and nothing else.'],
      [nodeBuiltins, 'Sandboxed preloads have no Node built-ins.'],
    ]),
  },
);
