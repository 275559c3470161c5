// ESLint: TypeScript's recommended rules, and one rule of the architecture — the engine (everything
// under server/src but the node/ and cli/ entry points) runs in a browser worker too (vscode.dev),
// so it may not import Node built-ins.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'test/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Everything but the Node entry points also runs in vscode.dev: the browser client and server.
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    ignores: ['server/src/node/**', 'server/src/cli/**', 'client/src/extension.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'The engine also runs in a browser worker: no Node built-ins outside server/src/node and server/src/cli.',
          })),
        },
      ],
    },
  },
);
