// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports each part of the app must not make: the boundaries of DESIGN.md, enforced. */
const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'url',
  'stream',
];
const restricted = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='only']",
          message: 'Focused tests (.only) hide the rest of the suite.',
        },
        {
          selector: 'TSEnumDeclaration',
          message: 'Use a string-literal union instead of an enum.',
        },
        {
          selector: 'ExportDefaultDeclaration',
          message: 'Use named exports.',
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Module augmentation (i18next, Window) can only be written as an interface.
    files: ['**/*.d.ts'],
    rules: { '@typescript-eslint/consistent-type-definitions': 'off' },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    rules: restricted(
      ['electron', 'electron/*', ...nodeBuiltins, 'react', 'react-*', 'dexie', 'dexie-*', '@mui/*'],
      'src/shared is pure TypeScript used by main, preload and renderer: no Electron, Node, React, Dexie or MUI.',
    ),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restricted(
        ['electron', 'electron/*', ...nodeBuiltins],
        'The renderer reaches Electron and the file system only through window.registry.',
      ),
    },
  },
  {
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restricted(
      ['react', 'react-*', 'dexie', 'dexie-*', '@mui/*'],
      'Main and preload own windows and files; the UI and the database live in the renderer.',
    ),
  },
  {
    // Only the entry imports Electron itself; the rest of main takes the parts it needs as
    // parameters (startMainProcess.ts), so a test runs the real startup against a fake Electron.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              allowTypeImports: true,
              message:
                'Only src/main/index.ts imports Electron; take what you need as a parameter (see startMainProcess.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests may assert presence with `!` after checking it: a wrong guess fails the test loudly.
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Config files of the tools themselves are allowed their default exports.
    files: [
      '*.config.ts',
      '*.config.mts',
      '*.config.mjs',
      'tests/**/playwright.config.ts',
      'tests/bench/writeResults.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
