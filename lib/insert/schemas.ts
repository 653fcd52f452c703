import { z } from '../schema';
import { EDITOR_KINDS, INSERT_METHODS } from './editors';
import type { InsertResult } from './insert';
import { PROBE_FIELD_STATES, type FrameProbe } from './probe';

// What comes back from the page's MAIN world is checked like any boundary: the page could tamper with it.
export const FrameProbeSchema: z.ZodMiniType<FrameProbe> = z.object({ focused: z.boolean(), field: z.enum(PROBE_FIELD_STATES) });

export const InsertResultSchema: z.ZodMiniType<InsertResult> = z.union([
  z.object({ ok: z.literal(true), method: z.enum(INSERT_METHODS), editor: z.enum(EDITOR_KINDS), element: z.string().check(z.maxLength(200)), subjectFilled: z.optional(z.boolean()) }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['no-focus', 'read-only', 'cross-origin', 'not-verified', 'empty-text']),
    editor: z.optional(z.enum(EDITOR_KINDS)),
    element: z.optional(z.string().check(z.maxLength(200))),
    tried: z.array(z.enum(INSERT_METHODS)),
  }),
]);
