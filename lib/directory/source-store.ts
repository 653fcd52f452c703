import { z } from '../schema';
import { asStorageError, openMutualDb } from '../storage';
import { DEFAULT_DIRECTORY_SETTINGS, DirectorySettingsSchema, type DirectorySettings } from './sources';

/**
 * Per source, in 'directorySources': its sync state (small, read by every page) and its last good
 * copy (the parsed entries, read only to merge), under separate keys so showing states never loads
 * a copy. Both are written in one transaction so the validators (ETag) always describe the copy.
 */
const STAGES = ['address', 'permission', 'crash', 'network', 'timeout', 'http', 'size', 'format', 'empty', 'storage'] as const;
export type SyncStage = (typeof STAGES)[number];

const IssueSchema = z.union([
  z.object({ row: z.number(), field: z.string(), message: z.string() }),
  z.object({ index: z.number(), field: z.string(), message: z.string() }),
]);

const SourceStateSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** Whether the last attempt succeeded (a 304 is a success). */
  ok: z.boolean(),
  /** One line for people: "200 entries, 3 rows rejected" or what failed. */
  message: z.string(),
  lastAttempt: z.optional(z.string()),
  /** When the copy in use was last confirmed good (fetched, or confirmed by a 304). */
  lastGoodSync: z.optional(z.string()),
  lastError: z.optional(z.object({ at: z.string(), stage: z.enum(STAGES), message: z.string() })),
  /** Entries in the copy in use. */
  count: z.number().check(z.int(), z.gte(0)),
  report: z.optional(
    z.object({
      total: z.number(),
      valid: z.number(),
      rejected: z.number(),
      invalid: z.array(IssueSchema),
      /** Issues beyond those kept in `invalid`. */
      invalidOmitted: z.number(),
      notOptedIn: z.number(),
      expired: z.number(),
      duplicates: z.number(),
      warnings: z.array(z.string()),
    }),
  ),
  /**
   * Set before a downloaded copy is read, and cleared by the outcome: found still set, the reading
   * of that copy never finished (the sync crashed), and that copy is not read again until its
   * back-off has passed (lib/directory/sync-validate).
   */
  reading: z.optional(z.object({ fingerprint: z.string(), since: z.string(), attempts: z.number().check(z.int(), z.gt(0)) })),
  /** Hash of the copy in use; the conditional-request validators below belong to it. */
  contentHash: z.optional(z.string()),
  etag: z.optional(z.string()),
  lastModified: z.optional(z.string()),
});
export type SourceState = z.infer<typeof SourceStateSchema>;
export type StoredReport = NonNullable<SourceState['report']>;

/**
 * The last good download of a source, as it came (UTF-8 bytes, parsed again only when a merge
 * needs it and the source was not just synced). It is stored as a Blob: the browser then writes
 * it off this thread, where 70 MB of bytes in a plain value block it for 140-550 ms (measured in
 * Chromium with bench/directory).
 */
export interface SourceCopy {
  body: Uint8Array;
  contentType: string;
  /** URL or file name: tells JSON from CSV when parsing again. */
  name: string;
  /** Identifies the content, so an unchanged download does not rebuild the directory. */
  contentHash: string;
  savedAt: string;
}

const SETTINGS_KEY = 'directory';
const stateKey = (id: string) => `state:${id}`;
const copyKey = (id: string) => `copy:${id}`;

export async function loadDirectorySettings(): Promise<DirectorySettings> {
  try {
    const db = await openMutualDb();
    const parsed = DirectorySettingsSchema.safeParse(await db.get('settings', SETTINGS_KEY));
    return parsed.success ? parsed.data : DEFAULT_DIRECTORY_SETTINGS;
  } catch (error) {
    throw asStorageError(error);
  }
}

/** Read-modify-write in one transaction, so two pages changing sources do not lose each other's change. */
export async function updateDirectorySettings(change: (settings: DirectorySettings) => DirectorySettings): Promise<DirectorySettings> {
  try {
    const db = await openMutualDb();
    const tx = db.transaction('settings', 'readwrite');
    const parsed = DirectorySettingsSchema.safeParse(await tx.store.get(SETTINGS_KEY));
    const next = DirectorySettingsSchema.parse(change(parsed.success ? parsed.data : DEFAULT_DIRECTORY_SETTINGS));
    await tx.store.put(next, SETTINGS_KEY);
    await tx.done;
    return next;
  } catch (error) {
    throw asStorageError(error);
  }
}

export async function loadSourceState(id: string): Promise<SourceState | undefined> {
  try {
    const db = await openMutualDb();
    return SourceStateSchema.safeParse(await db.get('directorySources', stateKey(id))).data;
  } catch (error) {
    throw asStorageError(error);
  }
}

/** Every stored source state (sources removed since are deleted with their state). */
export async function loadSourceStates(): Promise<SourceState[]> {
  try {
    const db = await openMutualDb();
    const range = IDBKeyRange.bound('state:', 'state:\uffff');
    const values = await db.getAll('directorySources', range);
    return values.flatMap((value) => SourceStateSchema.safeParse(value).data ?? []);
  } catch (error) {
    throw asStorageError(error);
  }
}

export async function loadSourceCopy(id: string): Promise<SourceCopy | undefined> {
  let value: unknown;
  try {
    const db = await openMutualDb();
    value = await db.get('directorySources', copyKey(id));
  } catch (error) {
    throw asStorageError(error);
  }
  // Its entries are validated again when parsed; here only the shape is checked.
  const copy = value as (Omit<Partial<SourceCopy>, 'body'> & { body?: unknown }) | undefined;
  // Copies stored before Blobs are plain bytes.
  const stored = copy?.body;
  if (!(stored instanceof Blob || stored instanceof Uint8Array) || typeof copy?.contentHash !== 'string') return undefined;
  let body: Uint8Array;
  try {
    body = stored instanceof Blob ? new Uint8Array(await stored.arrayBuffer()) : stored;
  } catch (error) {
    throw asStorageError(error);
  }
  return { body, contentType: String(copy.contentType ?? ''), name: String(copy.name ?? ''), contentHash: copy.contentHash, savedAt: String(copy.savedAt ?? '') };
}

/** The state, and the new copy when there is one, together. */
export async function saveSource(state: SourceState, copy?: SourceCopy): Promise<void> {
  try {
    const db = await openMutualDb();
    const tx = db.transaction('directorySources', 'readwrite');
    await Promise.all([
      tx.store.put(state, stateKey(state.id)),
      copy ? tx.store.put({ ...copy, body: new Blob([copy.body as Uint8Array<ArrayBuffer>]) }, copyKey(state.id)) : undefined,
      tx.done,
    ]);
  } catch (error) {
    throw asStorageError(error);
  }
}

export async function deleteSource(id: string): Promise<void> {
  try {
    const db = await openMutualDb();
    const tx = db.transaction('directorySources', 'readwrite');
    await Promise.all([tx.store.delete(stateKey(id)), tx.store.delete(copyKey(id)), tx.done]);
  } catch (error) {
    throw asStorageError(error);
  }
}
