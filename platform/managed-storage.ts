import { browser } from 'wxt/browser';

/**
 * The organization's managed storage (enterprise policy). Chromium answers it only once its policy
 * service has loaded, which after a cold start can take seconds (about 5 s measured on the CI
 * machine), so callers get the copy kept from the last answer instead of waiting.
 */
export const MANAGED_WAIT_MS = 500;
const CACHE_KEY = 'managedStorageCopy';

type Values = Record<string, unknown>;

const lateListeners = new Set<() => void>();

/**
 * Calls `listener` when managed storage changes: an administrator's edit, or a slow first answer
 * that differs from the copy already used. Returns the unsubscribe function.
 */
export function onManagedStorageChange(listener: () => void): () => void {
  const onChanged = (_changes: unknown, area: string) => void (area === 'managed' ? listener() : undefined);
  lateListeners.add(listener);
  browser.storage.onChanged.addListener(onChanged);
  return () => {
    lateListeners.delete(listener);
    browser.storage.onChanged.removeListener(onChanged);
  };
}

const isValues = (value: unknown): value is Values => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Rejects in Firefox without a policy and where no managed schema is set: that means no policy. */
async function readLive(): Promise<Values> {
  let values: Values;
  try {
    values = await browser.storage.managed.get();
  } catch {
    return {};
  }
  await browser.storage.local.set({ [CACHE_KEY]: values }).catch(() => undefined);
  return values;
}

async function readCopy(): Promise<Values> {
  const stored = await browser.storage.local.get(CACHE_KEY).catch(() => ({}) as Values);
  const copy = (stored as Values)[CACHE_KEY];
  return isValues(copy) ? copy : {};
}

/**
 * Managed storage as it is now if it answers within MANAGED_WAIT_MS, otherwise the last copy; when
 * the live values answer later and differ from that copy, onManagedStorageChange listeners hear it.
 */
export async function readManagedStorage(): Promise<Values> {
  const live = readLive();
  let stopWaiting = () => {};
  const timedOut = new Promise<undefined>((resolve) => {
    const timer = setTimeout(resolve, MANAGED_WAIT_MS);
    stopWaiting = () => clearTimeout(timer);
  });
  const answered = await Promise.race([live, timedOut]);
  stopWaiting();
  if (answered) return answered;
  const copy = await readCopy();
  void live.then((values) => {
    if (JSON.stringify(values) === JSON.stringify(copy)) return;
    for (const listener of lateListeners) listener();
  });
  return copy;
}
