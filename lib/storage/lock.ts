/**
 * Writes that must never interleave (a sync's commit, "delete all my data") hold this Web Lock.
 * Every extension context shares it: the background, the offscreen document, the options page.
 */
export const DATA_WRITE_LOCK = 'mutual-data-write';

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** Where there is no Web Locks API (a test environment), writes of this context wait in turn. */
let localQueue: Promise<unknown> = Promise.resolve();

function localLock<T>(write: () => Promise<T>): Promise<T> {
  const run = localQueue.then(write);
  localQueue = run.catch(() => undefined);
  return run;
}

/** Runs `write` holding the data-write lock, after any holder before it. */
export function withDataWriteLock<T>(write: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  return locks ? locks.request(DATA_WRITE_LOCK, write) : localLock(write);
}
