/**
 * The words of something thrown: an Error's message, anything else as text. The one helper for
 * it, so every "could not …: <why>" reads the same.
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
