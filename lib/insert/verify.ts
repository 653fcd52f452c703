import type { Field } from './methods';

/** The field's text as the user sees it. */
export function contentOf(field: Field): string {
  return field.kind === 'text-field' ? (field.element as HTMLTextAreaElement).value : (field.element.textContent ?? '');
}

// Editors turn line breaks into paragraphs, spaces into no-break spaces and add zero-width fillers (CKEditor).
const LAYOUT = /[\s\u200B-\u200D\u2060\uFEFF]+/g;

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** The text arrived when the field holds one more copy of it than before, layout aside. */
function arrived(before: string, after: string, text: string): boolean {
  const needle = text.replace(LAYOUT, '');
  return occurrences(after.replace(LAYOUT, ''), needle) > occurrences(before.replace(LAYOUT, ''), needle);
}

/** One macrotask: MessageChannel is not throttled in background tabs as timers are. */
function nextTask(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Tasks to wait for editors that commit after the event (Lexical, React-based ones), then one last timer. */
const SETTLE_TASKS = 20;
const LAST_WAIT_MS = 100;

/** Whether the text arrives now or once the editor has committed its update. */
export async function arrivesSoon(field: Field, before: string, text: string): Promise<boolean> {
  for (let task = 0; task < SETTLE_TASKS; task++) {
    if (arrived(before, contentOf(field), text)) return true;
    await nextTask();
  }
  await new Promise((resolve) => setTimeout(resolve, LAST_WAIT_MS));
  return arrived(before, contentOf(field), text);
}
