import { browser } from 'wxt/browser';

/**
 * The organization's managed storage (enterprise policy). Chromium answers it only once its policy
 * service has loaded, which after a cold start can take seconds (about 5 s measured on the CI
 * machine), so callers get the copy kept from the last answer instead of waiting.
 */
export const MANAGED_WAIT_MS = 500;
/**
 * Without a copy (the policy service never answered yet: an extension installed by policy at the
 * browser's first start) callers wait this long for the first answer instead, so that an
 * organization's "no demo directory" holds from the very first sync.
 */
export const MANAGED_FIRST_WAIT_MS = 15_000;
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

/**
 * The end-to-end tests' stand-in for Chromium's policy folder, read only by the test build (the
 * define in wxt.config.ts is false in the shipped build, so this code is dropped from it).
 */
const TEST_POLICY_FILE = 'e2e-policy.json';
async function readTestPolicy(): Promise<Values | undefined> {
  if (import.meta.env.MUTUAL_TEST_BUILD !== true) return undefined;
  const response = await fetch(new URL(TEST_POLICY_FILE, globalThis.location.origin)).catch(() => undefined);
  const values: unknown = response?.ok ? await response.json().catch(() => undefined) : undefined;
  return isValues(values) ? values : undefined;
}

/** Rejects in Firefox without a policy and where no managed schema is set: that means no policy. */
async function readLive(): Promise<Values> {
  let values: Values;
  try {
    values = (await readTestPolicy()) ?? (await browser.storage.managed.get());
  } catch {
    return {};
  }
  await browser.storage.local.set({ [CACHE_KEY]: values }).catch(() => undefined);
  return values;
}

/** The copy of the last answer; undefined when the policy service never answered. */
async function readCopy(): Promise<Values | undefined> {
  const stored = await browser.storage.local.get(CACHE_KEY).catch(() => ({}) as Values);
  const copy = (stored as Values)[CACHE_KEY];
  return isValues(copy) ? copy : undefined;
}

/** `promise`, or `undefined` once `ms` have passed. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let stopWaiting = () => {};
  const timedOut = new Promise<undefined>((resolve) => {
    const timer = setTimeout(resolve, ms);
    stopWaiting = () => clearTimeout(timer);
  });
  try {
    return await Promise.race([promise, timedOut]);
  } finally {
    stopWaiting();
  }
}

/**
 * Managed storage as it is now if it answers within MANAGED_WAIT_MS, otherwise the last copy (with
 * no copy yet, the first answer within MANAGED_FIRST_WAIT_MS, else none); when the live values
 * answer later and differ from what was used, onManagedStorageChange listeners hear it.
 */
export async function readManagedStorage(): Promise<Values> {
  const live = readLive();
  const answered = await within(live, MANAGED_WAIT_MS);
  if (answered) return answered;
  const copy = await readCopy();
  if (!copy) {
    const first = await within(live, MANAGED_FIRST_WAIT_MS - MANAGED_WAIT_MS);
    if (first) return first;
  }
  const used = copy ?? {};
  void live.then((values) => {
    if (JSON.stringify(values) === JSON.stringify(used)) return;
    for (const listener of lateListeners) listener();
  });
  return used;
}
