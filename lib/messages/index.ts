import { z } from 'zod';

/**
 * Every message that crosses between popup, options, background and injected scripts. Receivers
 * validate with `parseMessage` (a message is a boundary); senders get the response type from
 * `ResponseOf`.
 */
export const MessageSchema = z.discriminatedUnion('type', [
  /** Options/popup → background: sync one source (or all) now. */
  z.object({ type: z.literal('directory/sync'), sourceId: z.string().max(200).optional() }),
  /** Background → any page: the stored directory changed (new version) or a sync ended. */
  z.object({ type: z.literal('directory/changed'), version: z.string().max(100) }),
  /** Popup → background: insert text into the focused field of a tab the user granted (activeTab). */
  z.object({ type: z.literal('insert/text'), tabId: z.number().int().nonnegative(), text: z.string().max(20_000) }),
  /** Options → background: the user's templates changed (rebuild the context menu). */
  z.object({ type: z.literal('templates/changed') }),
]);
export type Message = z.infer<typeof MessageSchema>;

export interface SyncSummary {
  ok: boolean;
  /** One line per source: what happened, for the UI. */
  sources: { id: string; ok: boolean; message: string }[];
}

export type InsertOutcome =
  | { ok: true; method: string; where: string }
  | { ok: false; reason: 'no-focus' | 'read-only' | 'cross-origin' | 'not-verified' | 'no-access' | 'error'; message: string };

export interface Responses {
  'directory/sync': SyncSummary;
  'directory/changed': void;
  'insert/text': InsertOutcome;
  'templates/changed': void;
}
export type ResponseOf<M extends Message> = Responses[M['type']];

export function parseMessage(value: unknown): Message | undefined {
  const parsed = MessageSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
