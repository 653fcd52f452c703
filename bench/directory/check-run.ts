import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { checkJsonFeedInPieces, parseFeed } from '../../lib/directory';

/**
 * One check of a feed file in this process, for bench/directory/check.ts, which runs it in a child
 * to read its peak memory: `whole` reads it as `mutual directory check` does today (text, one
 * parse), `pieces` streams it through lib/directory/check (a feed it cannot cut is read whole).
 */
const [mode, file] = process.argv.slice(2);
const options = { now: new Date(), maxAgeDays: 365, name: file! };
const start = performance.now();
const whole = async () => parseFeed(await readFile(file!, 'utf8'), options);
const report = (mode === 'pieces' ? ((await checkJsonFeedInPieces(createReadStream(file!, { highWaterMark: 1 << 20 }), options)) ?? (await whole())) : await whole()).report;
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ ms, valid: report.valid, rejected: report.rejected, issues: report.invalid.length })}\n`);
