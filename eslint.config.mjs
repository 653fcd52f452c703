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
  // TODO(issue 14, lead: remove at merge): csv.ts's level, date and header patterns are being made
  // linear on the `feed` branch; until that lands they are the only ones allowed here.
  {
    files: ['lib/directory/csv.ts'],
    rules: { 'regexp/no-super-linear-backtracking': 'off', 'regexp/no-super-linear-move': 'off' },
  },
];
