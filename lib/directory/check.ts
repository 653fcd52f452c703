import { decodeUtf8 } from './bytes';
import { NO_NAME_WARNING, acceptFeedEntries } from './json';
import { recordIssue } from './report';
import { findCut, parseHead, parseMiddle, parseTail } from './split';
import type { AcceptOptions, ParsedFeed, ValidationReport } from './validate';

/**
 * A large JSON feed checked a piece at a time (`mutual directory check`): the pieces are cut between
 * entries as lib/directory/split cuts halves, each is parsed, validated and let go, and only what
 * deduplication needs (id, updatedAt) outlives it. A 100k-entry feed (75 MB) then never holds its
 * whole object graph: parsed at once it peaks at about 460 MB (bench/directory/check.ts). The cuts
 * are checked, not trusted: a piece that does not parse as a list of entries means the feed is read
 * whole instead (undefined here), which also gives the precise error of a malformed feed.
 */

/** Bytes per piece: large enough that cutting costs nothing, small enough to hold a few at once. */
export const PIECE_BYTES = 4 * 1024 * 1024;

export type CheckedFeed = Omit<ParsedFeed, 'entries' | 'remote'>;

/** The byte offsets of commas between entries, one per PIECE_BYTES, or [] when none is found. */
function cutsOf(bytes: Uint8Array, pieceBytes: number): number[] {
  const cuts: number[] = [];
  for (let cut = findCut(bytes, pieceBytes); cut !== undefined; cut = findCut(bytes, cut + pieceBytes)) cuts.push(cut);
  return cuts;
}

/** Keeps, per id, the newest accepted entry across pieces (the earlier on a tie), as one reading would. */
class Newest {
  private readonly updatedAt = new Map<string, number>();
  duplicates = 0;

  add(entries: readonly { id: string; updatedAt: string }[]): void {
    for (const entry of entries) {
      const time = Date.parse(entry.updatedAt);
      const kept = this.updatedAt.get(entry.id);
      if (kept === undefined || time > kept) this.updatedAt.set(entry.id, time);
      if (kept !== undefined) this.duplicates++;
    }
  }

  get size(): number {
    return this.updatedAt.size;
  }
}

function addReport(total: ValidationReport, piece: ValidationReport): void {
  total.total += piece.total;
  total.rejected += piece.rejected;
  total.notOptedIn += piece.notOptedIn;
  total.expired += piece.expired;
  total.duplicates += piece.duplicates;
  // Issues already point into the whole list (acceptFeedEntries was given each piece's first index).
  for (const issue of piece.invalid) recordIssue(total, issue);
  total.warnings.push(...piece.warnings);
}

/** The report a JSON feed's reading would give, read in pieces; undefined when it should be read whole. */
export function checkJsonFeedInPieces(bytes: Uint8Array, options: AcceptOptions, pieceBytes = PIECE_BYTES): CheckedFeed | undefined {
  const cuts = cutsOf(bytes, pieceBytes);
  if (!cuts.length) return undefined;
  const newest = new Newest();
  let head: ParsedFeed;
  try {
    head = parseHead(decodeUtf8(bytes.subarray(0, cuts[0])), options);
  } catch {
    return undefined;
  }
  const report: ValidationReport = { ...head.report, invalid: [], warnings: [...head.report.warnings] };
  for (const issue of head.report.invalid) recordIssue(report, issue);
  newest.add(head.entries);
  let name = head.name;
  for (const [i, cut] of cuts.entries()) {
    const last = i === cuts.length - 1;
    const text = decodeUtf8(bytes.subarray(cut + 1, last ? bytes.length : cuts[i + 1]));
    let entries: unknown[] | undefined;
    try {
      const tail = last ? parseTail(text) : undefined;
      entries = tail ? tail.entries : parseMiddle(text);
      name ??= tail?.name;
    } catch {
      return undefined;
    }
    if (!entries) return undefined;
    const piece = acceptFeedEntries(entries, options, report.total);
    newest.add(piece.entries);
    addReport(report, piece.report);
  }
  report.duplicates += newest.duplicates;
  report.valid = newest.size;
  if (!name) report.warnings.unshift(NO_NAME_WARNING);
  return { ...(name ? { name } : {}), report };
}
