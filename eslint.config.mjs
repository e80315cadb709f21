// Lint rules, and the layering rule of docs/architecture.md: which layer may import which.
// The rule resolves each relative import to the folder it lands in, so `../../db/x` from
// shared/ is caught however it is spelled.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const nodeBuiltin = (s) => s.startsWith('node:') || builtinModules.includes(s.split('/')[0]);
const packageName = (s) =>
  s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0];

/** What each layer may import: the layers it may reach by path, and packages it must not use. */
export const layers = {
  shared: {
    reaches: ['shared'],
    deniedPackages: /^(electron|better-sqlite3|libsodium.*|react.*|zustand)$/,
    node: false,
  },
  db: { reaches: ['shared', 'db'], deniedPackages: /^(electron|react.*|zustand)$/, node: true },
  main: { reaches: ['shared', 'db', 'main'], deniedPackages: /^(react.*|zustand)$/, node: true },
  renderer: {
    reaches: ['shared', 'renderer'],
    deniedPackages: /^(electron|better-sqlite3|libsodium.*)$/,
    node: false,
  },
};

const layeringRule = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      bad: 'bad layering: {{layer}}/ may not import {{what}} (see docs/architecture.md)',
    },
  },
  create(context) {
    const file = path.relative(root, context.filename);
    const layerName = file.split(path.sep)[0];
    const layer = layers[layerName];
    if (!layer) return {};
    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      let what;
      if (specifier.startsWith('.')) {
        const target = path.relative(root, path.resolve(path.dirname(context.filename), specifier));
        const targetLayer = target.split(path.sep)[0];
        if (!layer.reaches.includes(targetLayer)) what = `${targetLayer}/`;
      } else if (nodeBuiltin(specifier)) {
        if (!layer.node) what = `the Node built-in '${specifier}'`;
      } else if (layer.deniedPackages.test(packageName(specifier))) {
        what = `the package '${packageName(specifier)}'`;
      }
      if (what) context.report({ node, messageId: 'bad', data: { layer: layerName, what } });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
      CallExpression: (n) =>
        n.callee.type === 'Identifier' &&
        n.callee.name === 'require' &&
        n.arguments[0]?.type === 'Literal' &&
        check(n, n.arguments[0].value),
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', '.native/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { casebook: { rules: { layering: layeringRule } } },
    rules: {
      'casebook/layering': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
