import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { defineConfig, globalIgnores } from 'eslint/config';
import { importX } from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = fileURLToPath(new URL('.', import.meta.url));

// Read at lint time, so a new folder is fenced in without editing this file.
function listDirectories(relative) {
  try {
    return readdirSync(new URL(relative, import.meta.url), {
      withFileTypes: true,
    })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

const BASE_FEATURE = 'dictionaries';
// Everything in src but these layers is shared: api, components, lib, utils,
// locales, and any folder added later (hooks, …).
const NOT_SHARED = new Set(['app', 'features', 'mocks', 'testing']);
const SHARED = [
  ...new Set([
    'api',
    'components',
    'lib',
    'utils',
    'locales',
    ...listDirectories('src').filter((name) => !NOT_SHARED.has(name)),
  ]),
].map((name) => `./src/${name}`);

// The one-way dependency direction of docs/architecture.md: app → features → shared.
const layerZones = [
  ...listDirectories('src/features').map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [...new Set([`./${feature}`, `./${BASE_FEATURE}`])],
    message: `Features do not import one another (only "${BASE_FEATURE}"); compose them in src/app/routes.`,
  })),
  {
    target: './src/features',
    from: './src/app',
    message: 'Features do not import the app layer.',
  },
  {
    target: SHARED,
    from: ['./src/features', './src/app'],
    message:
      'Shared code (api, components, lib, utils, locales) knows no feature and no app.',
  },
  {
    target: './src/api',
    from: ['./src/components', './src/hooks', './src/ledger', './src/lib'],
    message:
      'The API layer is the bottom one: lib, ledger, hooks and components build on it, never the other way.',
  },
];

const mocksZone = {
  target: './src',
  from: ['./src/mocks', './src/testing'],
  message:
    'Production code never imports src/mocks or src/testing (only they and *.test.ts(x) may).',
};

// Files allowed to reach the mock backend. main.tsx is here only for its
// dynamic import behind VITE_API_MOCK; its static imports stay forbidden below.
const MOCK_USERS = [
  'src/mocks/**',
  'src/testing/**',
  'src/**/*.test.{ts,tsx}',
  'src/main.tsx',
];

const restrictedPaths = (zones) => ['error', { basePath: root, zones }];

// One zod: the generated schemas are zod/mini, so is every hand-written one.
const fullZod = ['zod', 'zod/v4', 'zod/v3'].map((name) => ({
  name,
  message: 'Use zod/mini, as the generated schemas do.',
}));

export default defineConfig([
  globalIgnores([
    'dist/',
    'coverage/',
    'test-results/',
    'playwright-report/',
    '.bench/',
    '.e2e/',
    '.nginx/',
    'dist-prod/',
    '.gen-api-check/',
    'src/api/generated/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  importX.flatConfigs.recommended,
  importX.flatConfigs.typescript,

  {
    name: 'smartcomm/typescript',
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: './tsconfig.json' }),
      ],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports' },
      ],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      // React handlers may be async (react-hook-form's handleSubmit returns a promise).
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
        },
      ],
      // react-router's loaders throw redirect(), a Response, by design.
      '@typescript-eslint/only-throw-error': [
        'error',
        { allow: [{ from: 'lib', name: 'Response' }] },
      ],
      // TypeScript already checks these, and faster.
      'import-x/no-unresolved': 'off',
      'import-x/named': 'off',
      'import-x/namespace': 'off',
      'import-x/default': 'off',
      'import-x/no-named-as-default-member': 'off',
      // Flags the documented `import Ajv2020 from 'ajv/dist/2020'`; TypeScript catches real mix-ups.
      'import-x/no-named-as-default': 'off',
      // Modules that import each other, however far round.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Packages, then the app's own (`@/…`), then the folder's: one block each.
      'import-x/order': [
        'error',
        {
          groups: [
            ['builtin', 'external'],
            'internal',
            ['parent', 'sibling', 'index'],
          ],
          pathGroups: [{ pattern: '@/**', group: 'internal' }],
          'newlines-between': 'always',
        },
      ],
    },
  },

  {
    name: 'smartcomm/node-scripts',
    files: ['**/*.{js,mjs,cjs}'],
    ignores: ['public/**'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },

  {
    name: 'smartcomm/public-scripts',
    files: ['public/**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },

  {
    name: 'smartcomm/app',
    files: ['src/**/*.{ts,tsx}'],
    extends: [
      reactHooks.configs.flat.recommended,
      jsxA11y.flatConfigs.recommended,
      pluginQuery.configs['flat/recommended'],
    ],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No dangerouslySetInnerHTML: render text, never HTML.',
        },
        {
          selector: "Property[key.name='dangerouslySetInnerHTML']",
          message: 'No dangerouslySetInnerHTML: render text, never HTML.',
        },
      ],
      'import-x/no-restricted-paths': restrictedPaths([
        ...layerZones,
        mocksZone,
      ]),
      'no-restricted-imports': ['error', { paths: fullZod }],
    },
  },
  {
    name: 'smartcomm/may-use-mocks',
    files: MOCK_USERS,
    rules: {
      'import-x/no-restricted-paths': restrictedPaths(layerZones),
    },
  },
  {
    name: 'smartcomm/main-entry',
    files: ['src/main.tsx'],
    rules: {
      // no-restricted-imports sees static imports only: the dynamic one stays allowed.
      // This replaces the app block's options, so the zod paths come along.
      'no-restricted-imports': [
        'error',
        {
          paths: fullZod,
          patterns: [
            {
              regex: '^(@/|\\./)mocks(/|$)',
              message:
                'Load the mock backend with a dynamic import behind VITE_API_MOCK, so it never ships.',
            },
          ],
        },
      ],
    },
  },

  {
    name: 'smartcomm/unit-tests',
    files: ['**/*.test.{ts,tsx}'],
    rules: {
      // expect(mock.method).toHaveBeenCalled() is the idiom, not a bug.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
]);
