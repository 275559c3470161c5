// ESLint: TypeScript's recommended rules, and two rules of the architecture. The engine (everything
// under server/src but the node/ and cli/ entry points) runs in a browser worker too (vscode.dev),
// so it may not import Node built-ins. And the layers of server/src import only downwards:
// formats ← engine ← template ← rules ← publish ← lsp / cli / node: template/ is the official template
// every statutory table is rendered from (the text templates, the preview, the export). config (the
// settings) stands beside rules and imports neither engine nor rules. Rules read the `Config` type from
// config/, the one import between the two.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noNodeBuiltins = nodeBuiltins.map((name) => ({
  name,
  message: 'The engine also runs in a browser worker: no Node built-ins outside server/src/node and server/src/cli.',
}));

/** A folder of server/src that may not import the folders above it (nor Node built-ins). */
function layer(folder, above) {
  return {
    files: [`server/src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noNodeBuiltins,
          patterns: [
            {
              group: above.flatMap((name) => [`**/${name}`, `**/${name}/**`]),
              message: `server/src/${folder} is below ${above.join(', ')}: formats ← engine ← template ← rules ← publish ← lsp/cli/node, config beside rules.`,
            },
          ],
        },
      ],
    },
  };
}

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
      'no-restricted-imports': ['error', { paths: noNodeBuiltins }],
    },
  },
  layer('formats', ['engine', 'template', 'rules', 'publish', 'config', 'lsp', 'cli', 'node', 'browser']),
  layer('engine', ['template', 'rules', 'publish', 'config', 'lsp', 'cli', 'node', 'browser']),
  layer('config', ['engine', 'template', 'rules', 'publish', 'lsp', 'cli', 'node', 'browser']),
  layer('template', ['rules', 'publish', 'config', 'lsp', 'cli', 'node', 'browser']),
  layer('rules', ['publish', 'lsp', 'cli', 'node', 'browser']),
  layer('publish', ['lsp', 'cli', 'node', 'browser']),
);
