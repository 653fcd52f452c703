// `npm run bench`: every benchmark, one after another (they share 2 cores), each printing its figures.
import { execFileSync } from 'node:child_process';

const BENCHES = [
  ['Match engine', ['bench/match.ts']],
  ['Cohort pairing', ['bench/pair.ts']],
  ['Directory feed cells (hostile input)', ['bench/directory/cells.ts']],
  ['Directory sync and load (Chromium)', ['bench/directory/run.ts']],
  ['Directory check (CLI): time and peak memory', ['bench/directory/check.ts']],
  ['Directory sync in the extension (Chromium, built extension)', ['bench/directory/extension.ts']],
  ['Popup time to results (Chromium, built extension)', ['bench/popup/run.ts']],
  ['Popup first load: scripts before the first paint (gzip)', ['bench/popup/size.ts']],
];

for (const [title, args] of BENCHES) {
  console.log(`\n=== ${title} ===`);
  execFileSync('npx', ['tsx', ...args], { stdio: 'inherit' });
}
