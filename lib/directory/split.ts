import type { z } from 'zod';
import type { PartWorkerRequest, TailParsedSchema, TailStoredSchema } from '../messages';
import { decodeUtf8 } from './decode';
import type { DirectoryEntry } from './entry';
import { FeedFormatError } from './errors';
import { NO_NAME_WARNING, acceptFeedEntries, checkFeedObject, feedName, parseJsonText } from './json';
import { putChunks, skillNames } from './store';
import type { AcceptOptions, ParsedFeed, ValidationReport } from './validate';

/**
 * A large JSON feed read by two threads at once: this one parses and validates the first half of
 * its entries while a worker does the second, and later stores and indexes it. Parsing, validating,
 * storing and indexing each take about as long per entry, so two cores halve the sync of a 100k
 * feed (measured with bench/directory). The split is checked, not trusted: when either half is not
 * exactly what the whole would be, the caller parses the whole feed in one thread, which also gives
 * the precise error of a malformed feed.
 */

/** Below this (in bytes) a feed is parsed in one thread: starting a worker and merging would cost more. */
export const SPLIT_MIN_BYTES = 4 * 1024 * 1024;
/** A worker that has not started by then (blocked, out of memory) is given up on. */
const READY_TIMEOUT_MS = 5000;
/** Issues the worker sends back: more than a report keeps (lib/directory/sync), fewer than a huge broken feed has. */
const TAIL_ISSUES = 500;

/** What a worker is asked to parse: the entries after the split, as `{"entries":[` + text, at the first half's "now". */
export type TailRequest = Omit<Extract<PartWorkerRequest, { type: 'tail/parse' }>, 'type'>;
/** Accepted entries (by their place in `ids`) that lost to a newer entry elsewhere are dropped. */
export type TailStoreRequest = Omit<Extract<PartWorkerRequest, { type: 'tail/store' }>, 'type'>;
/** Its report, a name given after the entries, and per accepted entry what deduplication needs. */
export type TailParsed = z.infer<typeof TailParsedSchema>;
export type TailStored = z.infer<typeof TailStoredSchema>;

/** The worker as this thread sees it. */
export interface PartWorker {
  /** Settles once the worker runs: starting one needs this thread idle for a moment. */
  ready(): Promise<void>;
  /** The request's bytes are transferred, not copied: they are gone from this thread. */
  parse(request: TailRequest): Promise<TailParsed>;
  store(request: TailStoreRequest): Promise<TailStored>;
  /** Ends the worker and frees its entries; safe to call more than once. */
  release(): void;
}

/** Entries a worker holds for a parsed feed: what the merge and the save need of them. */
export interface RemoteEntries {
  worker: PartWorker;
  ids: readonly string[];
  updatedAt: readonly string[];
  /** Positions (in `ids`) already dropped as duplicates. */
  drop: ReadonlySet<number>;
}

const TAIL_PREFIX = '{"entries":[';
const [CLOSE, COMMA, OPEN] = [0x7d, 0x2c, 0x7b];

function isJsonSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/**
 * Where to cut: the byte offset of the comma in the first `}, {` past the middle, or undefined.
 * These are ASCII bytes, which never occur inside a multi-byte UTF-8 character, so both sides
 * decode on their own.
 */
export function findSplit(bytes: Uint8Array): number | undefined {
  for (let at = bytes.indexOf(CLOSE, bytes.length >> 1); at >= 0; at = bytes.indexOf(CLOSE, at + 1)) {
    let next = at + 1;
    while (isJsonSpace(bytes[next]!)) next++;
    if (bytes[next] !== COMMA) continue;
    const comma = next++;
    while (isJsonSpace(bytes[next]!)) next++;
    if (bytes[next] === OPEN) return comma;
  }
  return undefined;
}

/**
 * The first half as a feed of its own: it parses only if the cut is between two entries of the
 * top-level list (inside a string, `]}` cannot close it; deeper, it closes too little), and that
 * list must be the last key read, "entries".
 */
function parseHead(text: string, options: AcceptOptions): ParsedFeed {
  const feed = parseJsonText(`${text}]}`);
  if (typeof feed !== 'object' || feed === null || Object.keys(feed).at(-1) !== 'entries') throw new FeedFormatError('The split is not inside "entries".');
  const { entries, name } = checkFeedObject(feed);
  const accepted = acceptFeedEntries(entries, options);
  return name ? { name, ...accepted } : accepted;
}

/** The worker's side: its half parsed and validated, then stored and indexed without the entries that lost. */
export class FeedTail {
  private entries: DirectoryEntry[] = [];

  constructor(private readonly buildIndex: (entries: readonly DirectoryEntry[]) => unknown) {}

  parse(request: TailRequest): TailParsed {
    const feed = parseJsonText(TAIL_PREFIX + decodeUtf8(request.bytes));
    if (typeof feed !== 'object' || feed === null || !Array.isArray((feed as { entries?: unknown }).entries)) {
      throw new FeedFormatError('The second half is not a list of entries.');
    }
    const options = { now: new Date(request.now), maxAgeDays: request.maxAgeDays, ...(request.source ? { source: request.source } : {}) };
    const { entries, report } = acceptFeedEntries((feed as { entries: unknown[] }).entries, options);
    this.entries = entries;
    const name = feedName(feed as Record<string, unknown>);
    return {
      report: { ...report, invalid: report.invalid.slice(0, TAIL_ISSUES) },
      ...(name ? { name } : {}),
      ids: entries.map((entry) => entry.id),
      updatedAt: entries.map((entry) => entry.updatedAt),
    };
  }

  async store(request: TailStoreRequest): Promise<TailStored> {
    const drop = new Set(request.drop);
    const kept = drop.size ? this.entries.filter((_, i) => !drop.has(i)) : this.entries;
    this.entries = [];
    const index = await putChunks(kept, request.firstKey, () => this.buildIndex(kept));
    return { count: kept.length, skills: skillNames(kept), index };
  }
}

function combineReports(head: ValidationReport, tail: ValidationReport, duplicates: number, named: boolean): ValidationReport {
  return {
    total: head.total + tail.total,
    valid: head.valid + tail.valid - duplicates,
    rejected: head.rejected + tail.rejected,
    invalid: [...head.invalid, ...tail.invalid.map((issue) => ('index' in issue ? { ...issue, index: issue.index + head.total } : issue))],
    notOptedIn: head.notOptedIn + tail.notOptedIn,
    expired: head.expired + tail.expired,
    duplicates: head.duplicates + tail.duplicates + duplicates,
    warnings: [...(named ? [] : [NO_NAME_WARNING]), ...head.warnings, ...tail.warnings],
  };
}

/** One entry per id across the halves, the newer kept (the first half's on a tie), as one thread would. */
function dedupeHalves(head: readonly DirectoryEntry[], tail: TailParsed): { head: DirectoryEntry[]; drop: Set<number> } {
  const slot = new Map(head.map((entry, i) => [entry.id, i]));
  const dropHead = new Set<number>();
  const drop = new Set<number>();
  tail.ids.forEach((id, i) => {
    const at = slot.get(id);
    if (at === undefined) return;
    if (Date.parse(tail.updatedAt[i]!) > Date.parse(head[at]!.updatedAt)) dropHead.add(at);
    else drop.add(i);
  });
  return { head: dropHead.size ? head.filter((_, i) => !dropHead.has(i)) : [...head], drop };
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('The worker did not start.')), ms));
}

/**
 * Parses a large JSON feed (its UTF-8 bytes) in two threads, or answers undefined when it should
 * be parsed in one (too small, no place to cut, a half that does not parse, no worker). The worker
 * is released unless its entries are part of the answer.
 */
export async function parseJsonFeedInHalves(bytes: Uint8Array, options: AcceptOptions, worker: PartWorker, minBytes = SPLIT_MIN_BYTES): Promise<ParsedFeed | undefined> {
  const cut = bytes.length >= minBytes ? findSplit(bytes) : undefined;
  if (cut === undefined) {
    worker.release();
    return undefined;
  }
  const tailRequest = { bytes: bytes.slice(cut + 1), now: options.now.toISOString(), maxAgeDays: options.maxAgeDays, ...(options.source ? { source: options.source } : {}) };
  const parsingTail = worker.parse(tailRequest);
  parsingTail.catch(() => undefined);
  try {
    await Promise.race([worker.ready(), timeout(READY_TIMEOUT_MS)]);
    const head = parseHead(decodeUtf8(bytes.subarray(0, cut)), options);
    const tail = await parsingTail;
    const { head: entries, drop } = dedupeHalves(head.entries, tail);
    const name = head.name ?? tail.name;
    const report = combineReports(head.report, tail.report, drop.size + (head.entries.length - entries.length), Boolean(name));
    return { ...(name ? { name } : {}), entries, report, remote: { worker, ids: tail.ids, updatedAt: tail.updatedAt, drop } };
  } catch {
    worker.release();
    return undefined;
  }
}
