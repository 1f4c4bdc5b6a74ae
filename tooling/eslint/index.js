import js from '@eslint/js'
import jsdoc from 'eslint-plugin-jsdoc'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const ignores = {
  ignores: ['**/dist/**', '**/.output/**', '**/.nuxt/**', '**/generated/**', '**/.turbo/**', '**/.data/**'],
}

/** TypeScript for Node and pure packages. */
export const base = tseslint.config(
  ignores,
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // Benchmarks exist to print.
    files: ['**/bench/**', '**/bench.mjs'],
    rules: { 'no-console': 'off' },
  },
)

/**
 * Packages other code builds on: every export carries a doc comment, since the comment is the API's
 * documentation in editors.
 */
export const documentedApi = tseslint.config(...base, {
  files: ['src/**/*.ts'],
  ignores: ['src/**/*.test.ts'],
  plugins: { jsdoc },
  rules: {
    'jsdoc/require-jsdoc': [
      'error',
      {
        publicOnly: { esm: true },
        require: { FunctionDeclaration: true },
        contexts: [
          'ExportNamedDeclaration > VariableDeclaration',
          'ExportNamedDeclaration > TSTypeAliasDeclaration',
          'ExportNamedDeclaration > TSInterfaceDeclaration',
        ],
      },
    ],
  },
})

/** Vue single-file components in the Nuxt apps (auto-imports are globals there). */
export const vueApp = tseslint.config(...base, ...vue.configs['flat/recommended'], {
  files: ['**/*.vue'],
  languageOptions: {
    parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] },
    globals: { ...globals.browser },
  },
  rules: {
    'vue/multi-word-component-names': 'off',
    'no-undef': 'off',
    // Layout belongs to Prettier.
    'vue/max-attributes-per-line': 'off',
    'vue/singleline-html-element-content-newline': 'off',
    'vue/multiline-html-element-content-newline': 'off',
    'vue/html-self-closing': 'off',
    'vue/html-indent': 'off',
    'vue/html-closing-bracket-newline': 'off',
  },
})

export default base
