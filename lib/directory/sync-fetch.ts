import { errorMessage } from '../errors';
import type { SyncStage } from './source-store';

/**
 * Sync step 1, fetch: one conditional GET of a feed URL with a timeout and a size cap. Every
 * failure becomes a SyncFailure that says what failed, in words for the person who keeps the feed.
 */
const DEFAULT_TIMEOUT_MS = 20_000;
/** A realistic entry is about 750 bytes: 150 MB holds 200k people; anything larger is a mistake, not a directory. */
const DEFAULT_MAX_BYTES = 150 * 1024 * 1024;

export class SyncFailure extends Error {
  readonly stage: SyncStage;
  constructor(
    stage: SyncStage,
    message: string,
  ) {
    super(message);
    this.stage = stage;
    this.name = 'SyncFailure';
  }
}

export type FetchResult =
  | { kind: 'not-modified' }
  /** `text` is absent when the caller asked for bytes only (`decode: false`). */
  | { kind: 'fetched'; text?: string; bytes: Uint8Array; contentType: string | null; etag?: string; lastModified?: string };

export interface FetchOptions {
  fetch: typeof fetch;
  etag?: string;
  lastModified?: string;
  timeoutMs?: number;
  maxBytes?: number;
  /** Told the size as it becomes known (declared, then read so far): a large feed's worker starts meanwhile. */
  onSize?: (bytes: number) => void;
  /**
   * Whether to decode the body as it arrives (default). A sync with a worker decodes later, each
   * thread its own half, and would not use the whole text.
   */
  decode?: boolean;
}

function tooLarge(bytes: number, maxBytes: number): SyncFailure {
  return new SyncFailure('size', `The feed is larger than ${formatBytes(maxBytes)}${bytes ? ` (${formatBytes(bytes)})` : ''}: it was not read.`);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

/**
 * Reads (and unless told not to, decodes) the body as it arrives (decoding a piece at a time
 * overlaps the download: measured with bench/directory), stopping as soon as it passes the cap, a
 * lying or absent Content-Length included.
 */
async function readCapped(
  response: Response,
  maxBytes: number,
  abort: () => void,
  { onSize, decode = true }: Pick<FetchOptions, 'onSize' | 'decode'>,
): Promise<{ bytes: Uint8Array; text?: string }> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    abort();
    throw tooLarge(declared, maxBytes);
  }
  if (declared) onSize?.(declared);
  if (!response.body) return { bytes: new Uint8Array(), ...(decode ? { text: '' } : {}) };
  const reader = response.body.getReader();
  const decoder = decode ? new TextDecoder('utf-8') : undefined;
  const parts: Uint8Array[] = [];
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      abort();
      throw tooLarge(0, maxBytes);
    }
    parts.push(value);
    onSize?.(size);
    if (decoder) text += decoder.decode(value, { stream: true });
  }
  const bytes = concat(parts, size);
  return decoder ? { bytes, text: text + decoder.decode() } : { bytes };
}

/** One compact array: a view into a larger buffer would store that whole buffer with the copy. */
function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const only = parts.length === 1 ? parts[0]! : undefined;
  if (only && only.byteOffset === 0 && only.byteLength === only.buffer.byteLength) return only;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

/** One conditional GET with a timeout and a size cap; every failure becomes a SyncFailure saying what failed. */
export async function fetchFeed(url: string, options: FetchOptions): Promise<FetchResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const headers: Record<string, string> = { accept: 'application/json, text/csv;q=0.9, */*;q=0.5' };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    // no-store: the browser cache must not turn the server's 304 into a 200 of its own copy.
    const response = await options.fetch(url, { headers, signal: controller.signal, cache: 'no-store', credentials: 'include' });
    if (response.status === 304) return { kind: 'not-modified' };
    if (!response.ok) {
      throw new SyncFailure('http', `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`);
    }
    const { bytes, text } = await readCapped(response, options.maxBytes ?? DEFAULT_MAX_BYTES, () => controller.abort(), options);
    return {
      kind: 'fetched',
      bytes,
      ...(text === undefined ? {} : { text }),
      contentType: response.headers.get('content-type'),
      ...optionalHeader('etag', response.headers.get('etag')),
      ...optionalHeader('lastModified', response.headers.get('last-modified')),
    };
  } catch (error) {
    if (error instanceof SyncFailure) throw error;
    if (timedOut) throw new SyncFailure('timeout', `The feed took too long to read: no complete answer from its server within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}.`);
    throw new SyncFailure('network', `Could not reach ${new URL(url).host}: ${errorMessage(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

function optionalHeader<K extends string>(key: K, value: string | null): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}
