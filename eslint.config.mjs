import regexp from 'eslint-plugin-regexp';
import { stripTypes } from './scripts/strip-types-processor.mjs';

/**
 * `npm run lint:regex`: no regular expression in lib/ may backtrack super-linearly, since lib/
 * reads untrusted feeds, imports and pages (issue 14). Only the regexp plugin's rules run here.
 */
export default [
  {
    files: ['lib/**/*.ts'],
    processor: stripTypes,
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
];
