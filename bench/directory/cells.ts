/**
 * `npx tsx bench/directory/cells.ts`: how long one CSV row with a hostile cell takes to read, as the
 * cell grows. Linear reading shows times growing with the size (and small); the patterns this
 * replaced took 6 s for a 300-space qualifier, 87 s for a date followed by 4,000 spaces and 7 s
 * for a 20,000-word header (issue 14; measured on the commit before, on this 2-core machine).
 */
import { parseCsvFeed } from '../../lib/directory';

const options = { now: new Date('2026-11-10T12:00:00Z'), maxAgeDays: 365 };
const HEADER = 'Timestamp,Email address,Full name,Career stage,Languages,What can you teach?,I agree to be listed';

function median(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2]!;
}

const cases: [string, (n: number) => string][] = [
  ['skill "Python (" + n spaces + "x"', (n) => `${HEADER}\n2026-11-01,a@example.com,Ada,Senior,English,"Python (${' '.repeat(n)}x",Yes\n`],
  ['date + n spaces + "x"', (n) => `${HEADER}\n"2026-11-03 10:00${' '.repeat(n)}x",a@example.com,Ada,Senior,English,Python,Yes\n`],
  ['header of n words "consent"', (n) => `Email,${'consent '.repeat(n)},Name\na@example.com,yes,Ada\n`],
  ['consent answer of n words', (n) => `${HEADER}\n2026-11-01,a@example.com,Ada,Senior,English,Python,"${'I can withdraw at any time '.repeat(n / 6)}"\n`],
];

for (const [label, make] of cases) {
  const figures = [300, 4_000, 20_000, 1 << 20].map((n) => {
    const text = make(n);
    return `n=${n}: ${median(() => parseCsvFeed(text, options)).toFixed(1)} ms`;
  });
  console.log(`${label.padEnd(36)} ${figures.join('  ')}`);
}
