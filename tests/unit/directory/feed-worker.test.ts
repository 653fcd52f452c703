import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectFeedWorker, serveFeedTail } from '../../../lib/directory/feed-worker';
import { FeedFormatError, loadAllEntries, parseJsonFeed, saveDirectory } from '../../../lib/directory';
import { buildMatchIndex, joinMatchIndexes } from '../../../lib/match';
import { feedPerson, jsonFeed, resetDatabase } from './helpers';

const options = { now: new Date('2026-11-10T12:00:00Z'), maxAgeDays: 365 };
let channels: MessageChannel[] = [];

/** A worker's two ends over a real MessageChannel: every message is structured-cloned. */
function startWorker(serve = true) {
  const channel = new MessageChannel();
  channels.push(channel);
  const { port1, port2 } = channel;
  if (serve) serveFeedTail(port2 as unknown as Parameters<typeof serveFeedTail>[0], buildMatchIndex);
  port2.start();
  port1.start();
  let terminated = false;
  const worker = connectFeedWorker({
    postMessage: (message, transfer) => port1.postMessage(message, transfer ?? []),
    addEventListener: (type: 'message' | 'error', listener: (event: never) => void) => port1.addEventListener(type, listener as never),
    terminate: () => {
      terminated = true;
      port1.close();
    },
  });
  return { worker, port2, terminated: () => terminated };
}

beforeEach(resetDatabase);
afterEach(() => {
  for (const channel of channels) channel.port2.close();
  channels = [];
});

describe('the feed worker over postMessage', () => {
  it('parses, then stores and indexes what it holds', async () => {
    const { worker } = startWorker();
    const people = [feedPerson('a@example.com'), feedPerson('b@example.com'), feedPerson('c@example.com', { careerStage: 'wizard' })];
    await worker.ready();
    const tail = new TextEncoder().encode(jsonFeed(people).split('"entries":[')[1]!);
    const parsed = await worker.parse({ bytes: tail, now: options.now.toISOString(), maxAgeDays: 365, source: 'Intranet' });
    // Transferred, not copied.
    expect(tail.byteLength).toBe(0);
    expect(parsed).toMatchObject({ ids: ['a@example.com', 'b@example.com'], report: { total: 3, valid: 2, rejected: 1 } });

    await saveDirectory([], {
      buildIndex: () => buildMatchIndex([]),
      version: 'v',
      sources: [],
      workerParts: [(firstKey) => worker.store({ drop: [0], firstKey })],
      joinIndexes: joinMatchIndexes,
    });
    const stored = await loadAllEntries();
    expect(stored.map((entry) => [entry.id, entry.source])).toEqual([['b@example.com', 'Intranet']]);
    expect(stored).toEqual(parseJsonFeed(jsonFeed([people[1]]), { ...options, source: 'Intranet' }).entries);
  });

  it('rejects what the worker reports as failed, or cannot read, and everything once released', async () => {
    const { worker } = startWorker();
    await expect(worker.parse({ bytes: new TextEncoder().encode('{"broken'), now: options.now.toISOString(), maxAgeDays: 365 })).rejects.toThrow(/Not valid JSON/);

    const silent = startWorker(false);
    silent.port2.addEventListener('message', () => silent.port2.postMessage({ type: 'tail/parsed', ids: 'not a list' }));
    await expect(silent.worker.parse({ bytes: new Uint8Array(2), now: options.now.toISOString(), maxAgeDays: 365 })).rejects.toThrow(/cannot read/);

    const waiting = startWorker(false);
    const ready = waiting.worker.ready();
    const parse = waiting.worker.parse({ bytes: new Uint8Array(2), now: options.now.toISOString(), maxAgeDays: 365 });
    waiting.worker.release();
    await expect(parse).rejects.toThrow(/released/);
    await expect(ready).rejects.toThrow(/released/);
    expect(waiting.terminated()).toBe(true);
    await expect(waiting.worker.store({ drop: [], firstKey: 0 })).rejects.toThrow(/released/);
  });

  it('reads a whole CSV feed, holds its entries and stores them; a feed it cannot read stays a format problem', async () => {
    const { worker } = startWorker();
    await worker.ready();
    const csv = 'Email,Name,Teach,Learn,Career stage,Languages,I agree to be listed,Timestamp\na@example.com,Ada,Python,TikTok,Mid-career,English,Yes,2026-10-01\nnot-an-email,Bob,Python,TikTok,Mid-career,English,Yes,2026-10-01\n';
    const bytes = new TextEncoder().encode(csv);
    const parsed = await worker.read({ bytes, now: options.now.toISOString(), maxAgeDays: 365, source: 'Sheet', contentType: 'text/csv', name: 'https://x.example.com/people.csv' });
    expect(bytes.byteLength).toBe(0);
    expect(parsed).toMatchObject({ ids: ['a@example.com'], report: { total: 2, valid: 1, rejected: 1 } });
    await saveDirectory([], { buildIndex: () => buildMatchIndex([]), version: 'v', sources: [], workerParts: [(firstKey) => worker.store({ drop: [], firstKey })], joinIndexes: joinMatchIndexes });
    expect((await loadAllEntries()).map((entry) => [entry.id, entry.source])).toEqual([['a@example.com', 'Sheet']]);

    const broken = worker.read({ bytes: new TextEncoder().encode('{"format": "mutual-directory", "entr'), now: options.now.toISOString(), maxAgeDays: 365, contentType: 'application/json' });
    await expect(broken).rejects.toBeInstanceOf(FeedFormatError);
    await expect(broken).rejects.toThrow(/Not valid JSON/);
  });
});
