import { z } from 'zod/mini';

/**
 * The one Zod every capability builds its schemas with: zod/mini (the same v4 core as classic Zod,
 * with a functional API that bundlers can tree-shake, so the popup loads a fraction of it). Mini
 * loads no locale on its own; Zod's English messages are the ones classic Zod gives, and some
 * reach people (a form field's "Too big: expected string to have <=80 characters").
 */
z.config(z.locales.en());

export { z };

/** The value an issue's path points at in what was parsed (undefined where the path leads nowhere). */
export function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) at = typeof at === 'object' && at !== null ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
}
