import type { z } from '../schema';
import type { FeedWorkerRequest, TailParsedSchema, TailStoredSchema } from '../messages';
import { decodeUtf8 } from './bytes';
import type { DirectoryEntry } from './entry';
import { FeedFormatError } from './errors';
import { NO_NAME_WARNING, acceptFeedEntries, checkFeedObject, feedName, parseJsonText } from './json';
import { putChunks, skillNames } from './store';
import { cappedReport } from './report';
import { answerKeys, sharesAnAnswer, type AcceptOptions, type ParsedFeed, type ValidationReport } from './validate';

/**
 * A large JSON feed read by two threads at once: this one parses and validates the first half of
 * its entries while a worker does the second, and later stores and indexes it. On 2 cores that
 * takes a 100k feed's sync from a median of 2.1 s to 1.55 s (bench/directory; the browser's own
 * threads share the cores). The split is checked, not trusted: when either half is not
 * exactly what the whole would be, the caller parses the whole feed in one thread, which also gives
 * the precise error of a malformed feed.
 */

/** Below this (in bytes) a feed is parsed in one thread: starting a worker and merging would cost more. */
export const SPLIT_MIN_BYTES = 4 * 1024 * 1024;

/** Whether a feed of `size` bytes is worth two threads (`minBytes`: a caller's own threshold). */
export function worthSplitting(size: number, { minBytes = SPLIT_MIN_BYTES }: { minBytes?: number } = {}): boolean {
  return size >= minBytes;
}
/** A worker that has not started by then (blocked, out of memory) is given up on. */
const READY_TIMEOUT_MS = 5000;

/** What a worker is asked to parse: the entries after the split, as `{"entries":[` + text, at the first half's "now". */
export type TailRequest = Omit<Extract<FeedWorkerRequest, { type: 'tail/parse' }>, 'type'>;
/** A whole feed for a worker to read: its bytes and what parseFeed needs to know of it. */
export type FeedReadRequest = Omit<Extract<FeedWorkerRequest, { type: 'feed/read' }>, 'type'>;
/** Accepted entries (by their place in `ids`) that lost to a newer entry elsewhere are dropped. */
export type TailStoreRequest = Omit<Extract<FeedWorkerRequest, { type: 'tail/store' }>, 'type'>;
/** Its report, a name given after the entries, and per accepted entry what deduplication needs. */
export type TailParsed = z.infer<typeof TailParsedSchema>;
export type TailStored = z.infer<typeof TailStoredSchema>;

/** The worker as this thread sees it. */
export interface FeedWorker {
  /** Settles once the worker runs: starting one needs this thread idle for a moment. */
  ready(): Promise<void>;
  /** The request's bytes are transferred, not copied: they are gone from this thread. */
  parse(request: TailRequest): Promise<TailParsed>;
  /** Reads a whole feed and holds its entries, as `parse` holds a half. */
  read(request: FeedReadRequest): Promise<TailParsed>;
  store(request: TailStoreRequest): Promise<TailStored>;
  /** Ends the worker and frees its entries; safe to call more than once. */
  release(): void;
}

/** Entries a worker holds for a parsed feed: what the merge and the save need of them. */
export interface WorkerEntries {
  worker: FeedWorker;
  ids: readonly string[];
  updatedAt: readonly string[];
  /** Positions (in `ids`) already dropped as duplicates. */
  drop: ReadonlySet<number>;
}

const TAIL_PREFIX = '{"entries":[';
const [COMMA, OPEN, CLOSE, CLOSE_LIST] = [0x2c, 0x7b, 0x7d, 0x5d];
/**
 * Where to cut, as a share of the bytes: the worker also decodes its half and starts cold, so it
 * gets a little less (bench/directory: medians 1.75-1.86 s at 0.55 against 1.83-2.14 s at 0.5).
 */
const CUT_AT = 0.55;
/** How far past a candidate cut the check reads: well past the next entry of any real feed. */
const CHECK_WINDOW = 64 * 1024;
/**
 * Small parses the search may spend: an entry's skill lists hold at most a hundred `},{`
 * together, so a real feed needs a few hundred at most; a crafted one gets one thread.
 */
const CHECK_BUDGET = 2000;

function isJsonSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** The first byte from `at` that is not JSON white space. */
function skipSpace(bytes: Uint8Array, at: number): number {
  let next = at;
  while (isJsonSpace(bytes[next]!)) next++;
  return next;
}

/**
 * The next place from `from` where an object ends and another follows (`}, {`: the offset of the
 * comma) or a list ends (`} ]`: the offset of the bracket), or -1.
 */
function nextObjectEnd(bytes: Uint8Array, from: number, end: number): { at: number; last: boolean } | undefined {
  for (let close = bytes.indexOf(CLOSE, from); close >= 0 && close < end; close = bytes.indexOf(CLOSE, close + 1)) {
    const next = skipSpace(bytes, close + 1);
    if (bytes[next] === CLOSE_LIST) return { at: next, last: true };
    if (bytes[next] === COMMA && bytes[skipSpace(bytes, next + 1)] === OPEN) return { at: next, last: false };
  }
  return undefined;
}

function isEntryLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { email?: unknown }).email === 'string';
}

/**
 * Whether the comma at `comma` is one between two entries: the text up to some following object
 * end must be a complete list of entry-like objects. A comma inside an entry's skills is followed
 * by skills, or by text that does not parse as a list; one inside a string does not parse either,
 * short of a crafted one, which the check of the first half then catches.
 */
function isEntryBoundary(bytes: Uint8Array, comma: number, budget: { left: number }): boolean {
  const decoder = new TextDecoder('utf-8');
  const end = Math.min(bytes.length, comma + CHECK_WINDOW);
  for (let next = nextObjectEnd(bytes, comma + 1, end); next && budget.left-- > 0; next = nextObjectEnd(bytes, next.at + 1, end)) {
    let list: unknown;
    try {
      list = JSON.parse(`[${decoder.decode(bytes.subarray(comma + 1, next.at))}]`);
    } catch {
      continue;
    }
    return Array.isArray(list) && list.every(isEntryLike);
  }
  return false;
}

/**
 * Where to cut: the byte offset of a comma between two entries, the first past CUT_AT of the
 * bytes, or undefined. These are ASCII bytes, which never occur inside a multi-byte UTF-8
 * character, so both sides decode on their own.
 */
export function findSplit(bytes: Uint8Array): number | undefined {
  return findCut(bytes, Math.floor(bytes.length * CUT_AT));
}

/** The first comma between two entries at or after byte `from` (see findSplit), or undefined. */
export function findCut(bytes: Uint8Array, from: number): number | undefined {
  const budget = { left: CHECK_BUDGET };
  for (let candidate = nextObjectEnd(bytes, from, bytes.length); candidate && budget.left > 0; ) {
    // A list that ends here (an entry's skills, most often) is no place to cut.
    if (!candidate.last && isEntryBoundary(bytes, candidate.at, budget)) return candidate.at;
    candidate = nextObjectEnd(bytes, candidate.at + 1, bytes.length);
  }
  return undefined;
}

/**
 * The first half as a feed of its own: it parses only if the cut is between two entries of the
 * top-level list (inside a string, `]}` cannot close it; deeper, it closes too little), and that
 * list must be the last key read, "entries".
 */
export function parseHead(text: string, options: AcceptOptions): ParsedFeed & { answers: string[] } {
  const feed = parseJsonText(`${text}]}`);
  if (typeof feed !== 'object' || feed === null || Object.keys(feed).at(-1) !== 'entries') throw new FeedFormatError('The split is not inside "entries".');
  const { entries, name } = checkFeedObject(feed);
  const accepted = { ...acceptFeedEntries(entries, options), answers: answerKeys(entries) };
  return name ? { name, ...accepted } : accepted;
}

/** The last part of a feed, from just after a cut: the rest of "entries" and any keys after it. */
export function parseTail(text: string): { entries: unknown[]; name?: string } {
  // A second "entries" key after the list would replace the whole list in one thread's reading.
  if (text.includes('"entries"')) throw new FeedFormatError('The second half names "entries" again.');
  const feed = parseJsonText(TAIL_PREFIX + text);
  if (typeof feed !== 'object' || feed === null || !Array.isArray((feed as { entries?: unknown }).entries)) {
    throw new FeedFormatError('The second half is not a list of entries.');
  }
  const name = feedName(feed as Record<string, unknown>);
  return { entries: (feed as { entries: unknown[] }).entries, ...(name ? { name } : {}) };
}

/** A part between two cuts: a list of entries and nothing else, or undefined. */
export function parseMiddle(text: string): unknown[] | undefined {
  let list: unknown;
  try {
    list = JSON.parse(`[${text}]`);
  } catch {
    return undefined;
  }
  return Array.isArray(list) && list.every(isEntryLike) ? list : undefined;
}

/** The worker's side: its half parsed and validated, then stored and indexed without the entries that lost. */
export class FeedTail {
  private entries: DirectoryEntry[] = [];

  private readonly buildIndex: (entries: readonly DirectoryEntry[]) => unknown;

  constructor(buildIndex: (entries: readonly DirectoryEntry[]) => unknown) {
    this.buildIndex = buildIndex;
  }

  parse(request: TailRequest): TailParsed {
    const { entries, name } = parseTail(decodeUtf8(request.bytes));
    const options = { now: new Date(request.now), maxAgeDays: request.maxAgeDays, ...(request.source ? { source: request.source } : {}) };
    return { ...this.hold({ ...acceptFeedEntries(entries, options), ...(name ? { name } : {}) }), answers: answerKeys(entries) };
  }

  /** Keeps a parsed feed's entries here, to store later; answers what the syncing thread needs of them. */
  hold(parsed: ParsedFeed): TailParsed {
    const { entries, report, name } = parsed;
    this.entries = entries;
    return {
      // What a report keeps (lib/directory/report), not what a huge broken feed has, crosses threads.
      report: capForTransfer(report),
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

/** The report without its omitted count, which the receiving side counts again from the issues it merges. */
function capForTransfer(report: ValidationReport): ValidationReport {
  const { invalidOmitted: _, ...capped } = cappedReport(report);
  return capped;
}

function combineReports(head: ValidationReport, tail: ValidationReport, named: boolean): ValidationReport {
  return {
    total: head.total + tail.total,
    valid: head.valid + tail.valid,
    rejected: head.rejected + tail.rejected,
    invalid: [...head.invalid, ...tail.invalid.map((issue) => ('index' in issue ? { ...issue, index: issue.index + head.total } : issue))],
    notOptedIn: head.notOptedIn + tail.notOptedIn,
    expired: head.expired + tail.expired,
    duplicates: head.duplicates + tail.duplicates,
    warnings: [...(named ? [] : [NO_NAME_WARNING]), ...head.warnings, ...tail.warnings],
  };
}

/** The worker's start, given up on after READY_TIMEOUT_MS. */
export async function started(worker: FeedWorker): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('The worker did not start.')), READY_TIMEOUT_MS)));
  try {
    await Promise.race([worker.ready(), late]);
  } finally {
    clearTimeout(timer);
  }
}

export interface HalvesOptions {
  /** Runs once this thread has parsed its half, while the worker still parses: idle time to use. */
  whileWaiting?: () => void;
}

/**
 * Parses a large JSON feed (its UTF-8 bytes) in two threads, or answers undefined when it should
 * be parsed in one (no place to cut, a half that does not parse, no worker). The worker
 * is released unless its entries are part of the answer. Each thread decodes its own half.
 */
export async function parseJsonFeedInHalves(
  bytes: Uint8Array,
  options: AcceptOptions,
  worker: FeedWorker,
  { whileWaiting }: HalvesOptions = {},
): Promise<ParsedFeed | undefined> {
  const cut = findSplit(bytes);
  if (cut === undefined) {
    worker.release();
    return undefined;
  }
  const request = { bytes: bytes.slice(cut + 1), now: options.now.toISOString(), maxAgeDays: options.maxAgeDays, ...(options.source ? { source: options.source } : {}) };
  const parsingTail = worker.parse(request);
  parsingTail.catch(() => undefined);
  try {
    await started(worker);
    const head = parseHead(decodeUtf8(bytes.subarray(0, cut)), options);
    whileWaiting?.();
    const tail = await parsingTail;
    // The latest answer of a person decides as a whole (a newer "No" removes an older "Yes"): when
    // one person answered in both halves, only one reading of the whole feed may decide.
    if (sharesAnAnswer(new Set(head.answers), tail.answers ?? [])) throw new FeedFormatError('One person answered in both halves.');
    const name = head.name ?? tail.name;
    const report = combineReports(head.report, tail.report, Boolean(name));
    return { ...(name ? { name } : {}), entries: head.entries, report, inWorker: { worker, ids: tail.ids, updatedAt: tail.updatedAt, drop: new Set() } };
  } catch {
    worker.release();
    return undefined;
  }
}
