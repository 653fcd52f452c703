import { beforeEach, describe, expect, it } from 'vitest';
import { loadAllEntries, parseJsonFeed, saveDirectory } from '../../../lib/directory';
import { decodeUtf8 } from '../../../lib/directory/bytes';
import { findSplit, parseJsonFeedInHalves } from '../../../lib/directory/split';
import { mergeSources } from '../../../lib/directory/merge';
import { buildMatchIndex, joinMatchIndexes } from '../../../lib/match';
import { feedPerson, inProcessWorker, jsonFeed, resetDatabase } from './helpers';

const options = { now: new Date('2026-11-10T12:00:00Z'), maxAgeDays: 365, source: 'Intranet' };
const people = (count: number, from = 0) => Array.from({ length: count }, (_, i) => feedPerson(`p${from + i}@example.com`, { department: `Dept ${(from + i) % 7}` }));

beforeEach(resetDatabase);

/** Parses in halves (any size) and stores the result as the sync does; answers what one thread would see. */
const utf8 = (text: string) => new TextEncoder().encode(text);

async function inHalves(text: string) {
  const { worker, calls } = inProcessWorker();
  const parsed = await parseJsonFeedInHalves(utf8(text), options, worker);
  if (!parsed) return { parsed, calls };
  const merged = mergeSources([{ id: 'feed', label: 'Intranet', entries: parsed.entries, ...(parsed.inWorker ? { inWorker: parsed.inWorker } : {}) }], options);
  await saveDirectory(merged.entries, {
    buildIndex: () => buildMatchIndex(merged.entries),
    version: 'v',
    sources: merged.sources,
    workerParts: merged.inWorkers.map(({ worker: part, drop }) => (firstKey: number) => part.store({ drop, firstKey })),
    joinIndexes: joinMatchIndexes,
  });
  return { parsed, calls, stored: await loadAllEntries() };
}

describe('decoding UTF-8 in pieces', () => {
  it('decodes characters that straddle two pieces, and drops a byte-order mark', () => {
    const text = `${'a'.repeat((1 << 20) - 1)}😀é${'李'.repeat(1 << 19)}`;
    expect(decodeUtf8(utf8(text))).toBe(text);
    expect(decodeUtf8(utf8(`\uFEFF{}`))).toBe('{}');
  });
});

describe('parsing a JSON feed in two halves', () => {
  it('cuts between two entries of the list near the middle, on a character boundary', () => {
    const text = JSON.stringify({ format: 'mutual-directory', version: 1, entries: people(10).map((person) => ({ ...person, name: 'Nguyễn Thị 李 😀' })) }, null, 2);
    const bytes = utf8(text);
    const cut = findSplit(bytes)!;
    expect(Math.abs(cut - bytes.length * 0.55)).toBeLessThan(bytes.length / 10);
    expect(bytes[cut]).toBe(','.charCodeAt(0));
    const decode = (part: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(part);
    const head = JSON.parse(`${decode(bytes.subarray(0, cut))}]}`).entries;
    const tail = JSON.parse(`{"entries":[${decode(bytes.subarray(cut + 1))}`).entries;
    expect([...head, ...tail]).toEqual(JSON.parse(text).entries);
    expect(findSplit(utf8(jsonFeed([feedPerson('only@example.com')])))).toBeUndefined();
  });

  it('cuts between entries, not inside their skill lists or strings, escapes included', () => {
    // Many skills each: the first "},{" after the middle is inside an entry's list.
    const tricky = (i: number) =>
      feedPerson(`p${i}@example.com`, {
        name: i % 3 ? `Quote \\"},{" and \\\\ ${i}` : `Ünïcödé 😀 ${i}`,
        teach: Array.from({ length: 6 }, (_, k) => ({ name: `Skill ${k}`, level: 'expert' })),
      });
    const text = JSON.stringify({ format: 'mutual-directory', version: 1, entries: Array.from({ length: 40 }, (_, i) => tricky(i)), name: 'x' });
    const bytes = utf8(text);
    const cut = findSplit(bytes)!;
    const decoder = new TextDecoder();
    const head = JSON.parse(`${decoder.decode(bytes.subarray(0, cut))}]}`);
    expect(Object.keys(head).at(-1)).toBe('entries');
    const tail = JSON.parse(`{"entries":[${decoder.decode(bytes.subarray(cut + 1))}`);
    expect([...head.entries, ...tail.entries]).toEqual(JSON.parse(text).entries);
    // A plain search would have cut inside a list of skills.
    const naive = text.indexOf('},{', Math.floor(text.length * 0.55));
    expect(() => JSON.parse(`${text.slice(0, naive)}]}`)).toThrow();
  });

  it('accepts, reports and stores exactly what one thread does', async () => {
    const entries = [
      ...people(40),
      { ...feedPerson('late@example.com'), consent: { optedIn: false, date: '2026-10-01' } },
      feedPerson('bad@example.com', { careerStage: 'wizard' }),
      feedPerson('old@example.com', { consent: { optedIn: true, date: '2020-01-01' } }),
      ...people(40, 100),
    ];
    const text = jsonFeed(entries);
    const single = parseJsonFeed(text, options);
    const { parsed, calls, stored } = await inHalves(text);
    expect(parsed?.inWorker).toBeDefined();
    expect(parsed!.report).toEqual(single.report);
    expect(parsed!.report.invalid).toEqual([{ index: 41, field: 'careerStage', code: 'unknown-career-stage', message: expect.any(String) }]);
    expect(stored).toEqual(single.entries);
    expect(calls).toMatchObject({ parse: 1, store: 1 });
  });

  it('leaves to one thread a feed where one person answered in both halves, so the newer answer decides as a whole', async () => {
    const yes = feedPerson('Twice@example.com', { name: 'Old yes', updatedAt: '2026-09-01T00:00:00Z' });
    const no = feedPerson('twice@example.com', { name: 'New no', updatedAt: '2026-10-05T00:00:00Z', consent: { optedIn: false, date: '2026-10-05' } });
    for (const list of [[yes, ...people(30), no], [no, ...people(30), yes]]) {
      const text = jsonFeed(list);
      const { parsed } = await inHalves(text);
      expect(parsed).toBeUndefined();
      const oneThread = parseJsonFeed(text, options);
      expect(oneThread.entries.some((entry) => entry.id === 'twice@example.com')).toBe(false);
      expect(oneThread.report).toMatchObject({ duplicates: 1, notOptedIn: 1 });
    }
  });

  it('reads a name given after the entries', async () => {
    const text = JSON.stringify({ format: 'mutual-directory', version: 1, entries: people(12), name: 'Late name' });
    const { parsed } = await inHalves(text);
    expect(parsed).toMatchObject({ name: 'Late name', report: { warnings: [] } });
  });

  it('cuts a feed whose middle falls inside a long string between two entries all the same', async () => {
    const long = feedPerson('x@example.com', { name: `Ana ${'de la '.repeat(18)}Cruz`, learn: [{ name: 'Budgeting', priority: 'high', ask: 'x '.repeat(900) }] });
    const text = jsonFeed([feedPerson('a@example.com'), long, feedPerson('b@example.com')]);
    const { parsed, stored } = await inHalves(text);
    expect(parsed?.inWorker).toBeDefined();
    expect(stored).toEqual(parseJsonFeed(text, options).entries);
  });

  it('gives a feed whose strings are crafted to look like cuts to one thread', async () => {
    const crafted = feedPerson('x@example.com', { name: '},{"email":"y@example.com"}'.repeat(140) });
    const text = jsonFeed([feedPerson('a@example.com'), crafted, feedPerson('b@example.com')]);
    const { worker, calls } = inProcessWorker();
    const parsed = await parseJsonFeedInHalves(utf8(text), options, worker);
    // Either no cut was found, or the one found held: never a wrong directory.
    if (parsed) expect(parsed.report).toEqual(parseJsonFeed(text, options).report);
    else expect(calls.released).toBe(1);
  });

  it('leaves to one thread a feed that cannot be cut as checked', async () => {
    for (const text of [
      // The list is not the last key read: the first half would lack the header.
      JSON.stringify({ entries: people(10), format: 'mutual-directory', version: 1 }),
      // Broken after the cut: the error must be the one of the whole text.
      jsonFeed(people(10)).slice(0, -40),
      // A second list under the same key: one thread reads only that one.
      `${jsonFeed(people(10)).slice(0, -1)},"entries":${JSON.stringify(people(2, 50))}}`,
    ]) {
      const { worker, calls } = inProcessWorker();
      expect(await parseJsonFeedInHalves(utf8(text), options, worker)).toBeUndefined();
      expect(calls.released).toBe(1);
    }
  });

  it('leaves to one thread a feed the worker fails on', async () => {
    const { worker, calls } = inProcessWorker({ fail: 'parse' });
    const text = jsonFeed(people(10));
    expect(await parseJsonFeedInHalves(utf8(text), options, worker)).toBeUndefined();
    expect(calls.released).toBe(1);
  });
});
