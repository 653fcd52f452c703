import { findField } from './focus';

/** Where the injected script leaves the inserter in the page's world: a registered symbol, so no page global can clash. */
export const INSERTER_KEY = 'mutual.insertText';

export const PROBE_FIELD_STATES = ['ok', 'no-focus', 'read-only', 'cross-origin'] as const;

/** What one frame reports before anything is inserted: whether it has focus and a field to take text. */
export interface FrameProbe {
  focused: boolean;
  field: (typeof PROBE_FIELD_STATES)[number];
}

export function probeFrame(doc: Document = document): FrameProbe {
  const found = findField(doc);
  return { focused: doc.hasFocus(), field: found.ok ? 'ok' : found.reason };
}

/**
 * The frame to insert into. The top frame sees the real focus chain (an inner frame keeps a stale
 * active element after focus leaves it) and follows it into same-origin frames itself; another
 * frame is chosen only when the chain enters a frame the top cannot read, preferring the one with
 * focus.
 */
export function chooseFrame(probes: readonly { frameId: number; probe: FrameProbe }[]): { frameId: number } | { reason: Exclude<FrameProbe['field'], 'ok'> } {
  const top = probes.find((p) => p.frameId === 0)?.probe;
  if (top?.field === 'ok') return { frameId: 0 };
  const ready = probes.filter((p) => p.frameId !== 0 && p.probe.field === 'ok');
  const chosen = ready.find((p) => p.probe.focused) ?? (top?.field === 'cross-origin' || !top ? ready[0] : undefined);
  if (chosen) return { frameId: chosen.frameId };
  if (top && top.field !== 'no-focus') return { reason: top.field };
  return { reason: probes.some((p) => p.probe.field === 'read-only') ? 'read-only' : 'no-focus' };
}
