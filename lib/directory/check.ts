import { decodeUtf8 } from './bytes';
import { NO_NAME_WARNING, acceptFeedEntries } from './json';
import { recordIssue } from './report';
import { findCut, parseHead, parseMiddle, parseTail } from './split';
import { answerKeys, emptyReport, sharesAnAnswer, type AcceptOptions, type ParsedFeed, type ValidationReport } from './validate';

/**
 * A large JSON feed checked a piece at a time as it is read (`mutual directory check`): pieces are
 * cut between entries as lib/directory/split cuts halves, each is parsed, validated and let go, and
 * only each answer's email key outlives it. A person who answered in two pieces (a form
 * resubmitted: the newer answer decides, a newer "No" included) is left to one reading. So neither the file nor its object
 * graph is ever held whole: read at once, a 100k-entry feed (72 MB) peaks at about 460 MB
 * (bench/directory/check.ts). The cuts are checked, not trusted: a piece that does not parse as a
 * list of entries means the feed is to be read whole instead (undefined here), which also gives the
 * precise error of a malformed feed.
 */

/**
 * Bytes per piece: small enough that a piece's objects die young (a 100k feed peaked at 224 MB RSS
 * in pieces of 256 kB, 301 MB in 1 MB, 324 MB in 2 MB), large enough that cutting costs nothing.
 */
const PIECE_BYTES = 256 * 1024;

export type CheckedFeed = Omit<ParsedFeed, 'entries' | 'remote'>;

/** The report of the pieces read so far. */
class Pieces {
  private readonly report: ValidationReport = emptyReport();
  /** Every answer's email key in the pieces read so far: a person who answers in two pieces is for one reading to decide. */
  private readonly answers = new Set<string>();
  private name: string | undefined;
  started = false;

  private readonly options: AcceptOptions;

  constructor(options: AcceptOptions) {
    this.options = options;
  }

  private add(parsed: Omit<ParsedFeed, 'name'>): void {
    const { report } = this;
    report.total += parsed.report.total;
    report.rejected += parsed.report.rejected;
    report.notOptedIn += parsed.report.notOptedIn;
    report.expired += parsed.report.expired;
    report.duplicates += parsed.report.duplicates;
    // Issues already point into the whole list (each piece was given its first index).
    for (const issue of parsed.report.invalid) recordIssue(report, issue);
    report.warnings.push(...parsed.report.warnings);
    report.valid += parsed.entries.length;
  }

  /** Notes a piece's answers; false when one of them answered in an earlier piece too. */
  private answered(entries: readonly unknown[]): boolean {
    const keys = answerKeys(entries);
    if (sharesAnAnswer(this.answers, keys)) return false;
    for (const key of keys) this.answers.add(key);
    return true;
  }

  /** The feed up to the first cut; false when it is not the start of a feed whose last key is "entries". */
  head(bytes: Uint8Array): boolean {
    try {
      const parsed = parseHead(decodeUtf8(bytes), this.options);
      for (const key of parsed.answers) this.answers.add(key);
      this.name = parsed.name;
      this.add(parsed);
      this.started = true;
      return true;
    } catch {
      return false;
    }
  }

  /** A piece between two cuts; false when it is not a list of entries. */
  middle(bytes: Uint8Array): boolean {
    const entries = parseMiddle(decodeUtf8(bytes));
    if (!entries || !this.answered(entries)) return false;
    this.add(acceptFeedEntries(entries, this.options, this.report.total));
    return true;
  }

  /** From the last cut to the end, then the report of the whole feed; undefined when the end does not parse. */
  last(bytes: Uint8Array): CheckedFeed | undefined {
    try {
      const tail = parseTail(decodeUtf8(bytes));
      if (!this.answered(tail.entries)) return undefined;
      this.name ??= tail.name;
      this.add(acceptFeedEntries(tail.entries, this.options, this.report.total));
    } catch {
      return undefined;
    }
    const report = { ...this.report };
    if (!this.name) report.warnings.unshift(NO_NAME_WARNING);
    return { ...(this.name ? { name: this.name } : {}), report };
  }
}

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/**
 * The report a JSON feed's reading would give, read in pieces from its bytes as they come
 * (a file's chunks, a download's); undefined when it should be read whole (too small to cut, or a
 * cut that does not check out).
 */
export async function checkJsonFeedInPieces(chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>, options: AcceptOptions, pieceBytes = PIECE_BYTES): Promise<CheckedFeed | undefined> {
  const pieces = new Pieces(options);
  let pending: Uint8Array = new Uint8Array();
  for await (const chunk of chunks) {
    pending = join(pending, chunk);
    // Cut only with a piece's worth of bytes after the cut point, so a cut's check can read past it.
    for (let cut = pending.length >= 2 * pieceBytes ? findCut(pending, pieceBytes) : undefined; cut !== undefined; cut = pending.length >= 2 * pieceBytes ? findCut(pending, pieceBytes) : undefined) {
      const piece = pending.subarray(0, cut);
      if (!(pieces.started ? pieces.middle(piece) : pieces.head(piece))) return undefined;
      pending = pending.slice(cut + 1);
    }
  }
  return pieces.started ? pieces.last(pending) : undefined;
}
