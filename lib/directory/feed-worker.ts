import { FeedWorkerReplySchema, FeedWorkerRequestSchema, type FeedWorkerReply, type FeedWorkerRequest } from '../messages';
import { errorMessage } from '../errors';
import { FeedFormatError } from './errors';
import { parseFeedBytes } from './feed';
import type { DirectoryEntry } from './entry';
import { FeedTail, type FeedReadRequest, type FeedWorker } from './split';

/**
 * The two ends of a feed worker (lib/directory/split) over postMessage: `serveFeedTail` runs in
 * the worker, `connectFeedWorker` in the thread that syncs. Both validate what they receive.
 */
interface MessageEndpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

interface WorkerHandle extends MessageEndpoint {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

/** A 'feed/read' request: the whole feed parsed here, its entries held by `tail`. */
export function readWholeFeed(tail: FeedTail, request: FeedReadRequest) {
  const { bytes, now, maxAgeDays, source, contentType, name } = request;
  // In the encoding the bytes tell, as on the main thread: an Excel export in Windows-1252 or UTF-16 is not UTF-8.
  return tail.hold(parseFeedBytes(bytes, { now: new Date(now), maxAgeDays, ...(source ? { source } : {}), ...(contentType ? { contentType } : {}), ...(name ? { name } : {}) }));
}

async function answer(tail: FeedTail, data: unknown): Promise<FeedWorkerReply> {
  const request = FeedWorkerRequestSchema.safeParse(data);
  if (!request.success) return { type: 'tail/failed', message: 'Not a feed-worker request.' };
  try {
    switch (request.data.type) {
      case 'tail/parse':
        return { type: 'tail/parsed', ...tail.parse(request.data) };
      case 'feed/read':
        return { type: 'tail/parsed', ...readWholeFeed(tail, request.data) };
      case 'tail/store':
        return { type: 'tail/stored', ...(await tail.store(request.data)) };
    }
  } catch (error) {
    // A feed the parser refuses stays a feed-format problem on the other side.
    return { type: 'tail/failed', message: errorMessage(error), ...(error instanceof FeedFormatError ? { format: true } : {}) };
  }
}

/**
 * The worker's side: answers each request in order. The caller brings the index builder (lib/match),
 * so the directory never depends on the engine that ranks it.
 */
export function serveFeedTail(scope: MessageEndpoint, buildIndex: (entries: readonly DirectoryEntry[]) => unknown): void {
  const tail = new FeedTail(buildIndex);
  let queue = Promise.resolve();
  scope.addEventListener('message', (event) => {
    queue = queue.then(async () => scope.postMessage(await answer(tail, event.data)));
  });
  scope.postMessage({ type: 'tail/ready' } satisfies FeedWorkerReply);
}

/** The syncing thread's side of a started worker. */
export function connectFeedWorker(worker: WorkerHandle): FeedWorker {
  let pending: { expect: FeedWorkerReply['type']; resolve(reply: FeedWorkerReply): void; reject(error: Error): void } | undefined;
  let ended: Error | undefined;
  let started: () => void = () => undefined;
  let failedToStart: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    started = resolve;
    failedToStart = reject;
  });
  ready.catch(() => undefined);
  const end = (error: Error) => {
    ended ??= error;
    failedToStart(ended);
    pending?.reject(ended);
    pending = undefined;
  };
  worker.addEventListener('message', (event) => {
    const reply = FeedWorkerReplySchema.safeParse(event.data);
    if (reply.success && reply.data.type === 'tail/ready') return started();
    const waiting = pending;
    pending = undefined;
    if (!waiting) return;
    if (!reply.success) waiting.reject(new Error('The worker sent an answer Mutual cannot read.'));
    else if (reply.data.type === 'tail/failed') waiting.reject(reply.data.format ? new FeedFormatError(reply.data.message) : new Error(reply.data.message));
    else if (reply.data.type !== waiting.expect) waiting.reject(new Error(`The worker answered ${reply.data.type}.`));
    else waiting.resolve(reply.data);
  });
  worker.addEventListener('error', (event) => end(new Error(`The worker stopped: ${event.message ?? 'unknown error'}`)));
  const call = <T extends FeedWorkerReply['type']>(request: FeedWorkerRequest, expect: T) =>
    new Promise<Extract<FeedWorkerReply, { type: T }>>((resolve, reject) => {
      if (ended) return reject(ended);
      if (pending) return reject(new Error('The worker is busy.'));
      pending = { expect, resolve: resolve as (reply: FeedWorkerReply) => void, reject };
      worker.postMessage(request, request.type === 'tail/store' ? [] : [request.bytes.buffer]);
    });
  return {
    ready: () => ready,
    parse: async (request) => {
      const { type: _type, ...parsed } = await call({ type: 'tail/parse', ...request }, 'tail/parsed');
      return parsed;
    },
    read: async (request) => {
      const { type: _type, ...parsed } = await call({ type: 'feed/read', ...request }, 'tail/parsed');
      return parsed;
    },
    store: async (request) => {
      const { type: _type, ...stored } = await call({ type: 'tail/store', ...request }, 'tail/stored');
      return stored;
    },
    release: () => {
      worker.terminate();
      end(new Error('The worker was released.'));
    },
  };
}
