import { z } from '../schema';

/**
 * Every message that crosses between popup, options, background and injected scripts. Receivers
 * validate with `parseMessage` (a message is a boundary); senders get the response type from
 * `ResponseOf`.
 */
const MessageSchema = z.discriminatedUnion('type', [
  /** Options/popup → background: sync one source (or all) now. */
  z.object({ type: z.literal('directory/sync'), sourceId: z.optional(z.string().check(z.maxLength(200))) }),
  /** Background → any page: the stored directory changed (new version) or a sync ended. */
  z.object({ type: z.literal('directory/changed'), version: z.string().check(z.maxLength(100)) }),
  /** Options → background: the user's templates changed (rebuild the context menu). */
  z.object({ type: z.literal('templates/changed') }),
  /**
   * Background → its offscreen document (Chromium, whose service worker cannot start workers): run
   * the sync there. The background passes what only it can read: the policy and host access.
   */
  z.object({
    type: z.literal('offscreen/sync'),
    sourceId: z.optional(z.string().check(z.maxLength(200))),
    /** The user's directory settings and the policy: validated by their own schemas where used. */
    settings: z.unknown(),
    policy: z.unknown(),
    allowedUrls: z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(100)),
  }),
]);
export type Message = z.infer<typeof MessageSchema>;

export interface SyncSummary {
  ok: boolean;
  /** One line per source: what happened, for the UI. */
  sources: { id: string; ok: boolean; message: string }[];
}

export type InsertOutcome =
  | { ok: true; method: string; where: string; /** The subject went into the page's subject field (Gmail, Outlook on the web). */ subjectFilled?: boolean }
  | { ok: false; reason: 'no-focus' | 'read-only' | 'cross-origin' | 'not-verified' | 'no-access' | 'error'; message: string };

interface Responses {
  'directory/sync': SyncSummary;
  'offscreen/sync': SyncSummary & { version: string };
  'directory/changed': void;
  'templates/changed': void;
}
export type ResponseOf<M extends Message> = Responses[M['type']];

export function parseMessage(value: unknown): Message | undefined {
  const parsed = MessageSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Between a thread that syncs and the worker that parses, stores and indexes the second half of a
 * large feed (lib/directory/split). One request at a time; each answer is validated when it arrives.
 */
export const FeedWorkerRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tail/parse'), bytes: z.instanceof(Uint8Array), now: z.string(), maxAgeDays: z.number().check(z.int(), z.gt(0)), source: z.optional(z.string()) }),
  z.object({ type: z.literal('tail/store'), drop: z.array(z.number().check(z.int(), z.gte(0))), firstKey: z.number().check(z.int(), z.gte(0)) }),
  /** A whole feed read in the worker (within the sync's time budget); answered as 'tail/parsed'. */
  z.object({
    type: z.literal('feed/read'),
    bytes: z.instanceof(Uint8Array),
    now: z.string(),
    maxAgeDays: z.number().check(z.int(), z.gt(0)),
    source: z.optional(z.string()),
    contentType: z.optional(z.string()),
    name: z.optional(z.string()),
  }),
]);
export type FeedWorkerRequest = z.infer<typeof FeedWorkerRequestSchema>;

const count = z.number().check(z.int(), z.gte(0));
const ReportSchema = z.object({
  total: count,
  valid: count,
  rejected: count,
  invalid: z.array(z.union([z.object({ row: count, field: z.string(), message: z.string() }), z.object({ index: count, field: z.string(), message: z.string() })])),
  notOptedIn: count,
  expired: count,
  duplicates: count,
  warnings: z.array(z.string()),
});

export const TailParsedSchema = z.object({
  report: ReportSchema,
  name: z.optional(z.string()),
  ids: z.array(z.string()),
  updatedAt: z.array(z.string()),
  /** Every answer's email key in the half, listed or not (lib/directory/validate answerKeys). */
  answers: z.optional(z.array(z.string())),
});
export const TailStoredSchema = z.object({ count, skills: z.array(z.string()), index: z.unknown() });

export const FeedWorkerReplySchema = z.discriminatedUnion('type', [
  z.extend(TailParsedSchema, { type: z.literal('tail/parsed') }),
  z.extend(TailStoredSchema, { type: z.literal('tail/stored') }),
  /** `format`: the feed itself cannot be read (FeedFormatError), as opposed to the worker failing. */
  z.object({ type: z.literal('tail/failed'), message: z.string(), format: z.optional(z.boolean()) }),
  /** Sent once, when the worker runs. */
  z.object({ type: z.literal('tail/ready') }),
]);
export type FeedWorkerReply = z.infer<typeof FeedWorkerReplySchema>;
