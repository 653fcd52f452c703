import { decodeUtf8 } from './bytes';
import { FeedFormatError } from './errors';

/**
 * What a downloaded or imported file really is, and its text (docs/directory-feed.md, "Files and
 * encodings"). Browsers' TextDecoder does the decoding; what is told here is only which encoding
 * to ask it for: a byte-order mark, UTF-16's zero bytes, or valid UTF-8, else Windows-1252 with a
 * warning. A file that is not text at all (a workbook, a PDF, an image, a sign-in page) is refused
 * with a message that says what it is and what to do.
 */
type FeedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedFeed {
  text: string;
  encoding: FeedEncoding;
  /** Set when the encoding was a guess the maintainer should confirm. */
  warning?: string;
}

const SAVE_AS_CSV = 'In Excel choose File → Save As → "CSV UTF-8 (Comma delimited)"; in Google Sheets, File → Download → Comma-separated values.';

const WINDOWS_1252_WARNING =
  'This file is not UTF-8, so it was read as Windows-1252 (what Excel\'s plain "CSV" writes on Windows). Check that names with accents look right; to be sure, save it as "CSV UTF-8".';

const REPLACEMENT_WARNING =
  'Some characters in this file could not be read (shown as �): it is probably not UTF-8 — Windows-1252, Excel\'s plain "CSV" on Windows, is likely. Save it as "CSV UTF-8" and import it again.';

function startsWith(bytes: Uint8Array, ...signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** The first bytes as Latin-1 text, to look for signatures inside them. */
function head(bytes: Uint8Array, length = 2048): string {
  return String.fromCharCode(...bytes.subarray(0, length));
}

/** What a binary file is and what to do instead; undefined for anything that may be text. */
function binaryFileMessage(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    const start = head(bytes, 4096);
    if (start.includes('xl/') || start.includes('[Content_Types].xml')) return `This is an Excel workbook (.xlsx), not a CSV file. ${SAVE_AS_CSV}`;
    if (start.includes('opendocument.spreadsheet')) return 'This is an OpenDocument spreadsheet (.ods), not a CSV file. Save it as "Text CSV (.csv)" with UTF-8 as the character set.';
    return 'This is a ZIP archive, not a CSV or JSON file. Unpack it and use the .csv or .json file inside, or export the spreadsheet as CSV.';
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return `This is an Excel 97-2003 workbook (.xls), not a CSV file. ${SAVE_AS_CSV}`;
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return 'This is a PDF document, not a CSV or JSON file. Export the list from the spreadsheet it was made from, as CSV UTF-8.';
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) || startsWith(bytes, 0xff, 0xd8, 0xff) || startsWith(bytes, 0x47, 0x49, 0x46, 0x38)) {
    return 'This is an image, not a CSV or JSON file. Export the list from the spreadsheet or form it came from, as CSV UTF-8.';
  }
  if (startsWith(bytes, 0x1f, 0x8b)) return 'This is a compressed (gzip) file, not a CSV or JSON file. Unpack it first, or have the server send the file uncompressed.';
  return undefined;
}

/** UTF-16 without a byte-order mark: ASCII text has a zero byte in every other place. */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, 1024 - (Math.min(bytes.length, 1024) % 2));
  if (sample.length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1) return 'utf-16be';
  return undefined;
}

/** Whole UTF-8 text, or undefined at the first byte that cannot be UTF-8. */
function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decodeUtf8(bytes, true);
  } catch {
    return undefined;
  }
}

/** The file's text, in the encoding its bytes tell; FeedFormatError when it is not a text file. */
export function decodeFeedBytes(bytes: Uint8Array): DecodedFeed {
  const binary = binaryFileMessage(bytes);
  if (binary) throw new FeedFormatError(binary);
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { text: decodeUtf8(bytes), encoding: 'utf-8' };
  if (startsWith(bytes, 0xff, 0xfe)) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (startsWith(bytes, 0xfe, 0xff)) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const utf16 = utf16WithoutMark(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', warning: WINDOWS_1252_WARNING };
}

/** Control characters no text file has (NUL and the like, but not tab, new line or carriage return). */
function controlCharacters(text: string): number {
  let found = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) found++;
  }
  return found;
}

/**
 * For text read by someone else (a file picked on the options page, read as UTF-8): what it
 * really is when it is not a feed, and a warning when characters were lost.
 */
export function checkFeedText(text: string): { warning?: string } {
  const start = text.slice(0, 2048);
  const binary = binaryFileMessage(Uint8Array.from(start.slice(0, 8), (char) => char.charCodeAt(0) & 0xff));
  if (binary && start.startsWith('PK\u0003\u0004')) throw new FeedFormatError(binary);
  if (start.startsWith('%PDF')) throw new FeedFormatError(binaryFileMessage(new TextEncoder().encode('%PDF'))!);
  if (/^\uFFFD(?:PNG|\uFFFD\uFFFD|\uFFFD\u0011\uFFFD)/.test(start)) {
    throw new FeedFormatError('This is not a text file (an image, a workbook or another binary file). Export the list as CSV UTF-8 or as a Mutual JSON feed.');
  }
  const html = webPageMessage(start);
  if (html) throw new FeedFormatError(html);
  const controls = controlCharacters(start);
  if (controls > 8) {
    // UTF-16 read as UTF-8 keeps its ASCII letters, each followed by a zero.
    const utf16 = controls > start.length / 3;
    throw new FeedFormatError(
      utf16
        ? 'This file is UTF-16 ("Unicode text", as Excel and HR systems save it) and could not be read here. Save it as "CSV UTF-8", or publish it at a URL and add it as a feed, where Mutual reads UTF-16.'
        : 'This is not a text file. Export the list as CSV UTF-8 or as a Mutual JSON feed.',
    );
  }
  return text.includes('\uFFFD') ? { warning: REPLACEMENT_WARNING } : {};
}

/** A web page where a feed was expected: mostly a sign-in page (SSO, a sheet that is not public). */
export function webPageMessage(start: string): string | undefined {
  const lower = start.trimStart().slice(0, 512).toLowerCase();
  if (!/^(?:<!doctype html|<html|<head|<body|<!--|<meta|<script|<title)/.test(lower)) return undefined;
  const google = /accounts\.google\.com|servicelogin|docs\.google\.com/.test(start.toLowerCase());
  const signIn = google || /sign[ -]?in|log[ -]?in|saml|oauth|password/.test(start.toLowerCase());
  const what = signIn ? 'a web page, probably a sign-in page' : 'a web page';
  const fix = google
    ? 'In Google Sheets use File → Share → Publish to web → Comma-separated values (.csv), and use that link; or share the sheet with your organization.'
    : 'Publish the sheet as CSV (Google Sheets: File → Share → Publish to web → CSV), or make the URL readable by everyone in your organization without signing in.';
  return `The server answered with ${what}, not a CSV or JSON feed. ${fix}`;
}
