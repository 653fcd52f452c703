import { findField } from './focus';
import { insertText, type InsertResult } from './insert';

/** Subject fields of the web mail composers Mutual knows: Gmail, then Outlook on the web (new and classic). */
const SUBJECT_FIELDS = ['input[name="subjectbox"]', 'input[aria-label="Add a subject" i]', 'input[placeholder="Add a subject" i]', 'input[aria-label="Subject" i]'].join(', ');

/** The subject field of the compose window that holds `element`: the nearest one going outwards. */
function subjectFieldNear(element: Element): HTMLInputElement | undefined {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const found = node.querySelector<HTMLInputElement>(SUBJECT_FIELDS);
    if (found) return found;
  }
  return undefined;
}

/**
 * Types `subject` into an empty subject field the way a person would (value through the native
 * setter, then input and change events, so React-controlled fields keep it). A subject the person
 * already wrote is never replaced.
 */
function fillSubject(field: HTMLInputElement, subject: string): boolean {
  if (field.value.trim() || field.disabled || field.readOnly) return false;
  const prototype = field.ownerDocument.defaultView?.HTMLInputElement.prototype ?? HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, subject);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  return field.value === subject;
}

/** Inserts the body at the caret and, where the compose window has an empty subject field, the subject there. */
export async function insertMessage(body: string, subject = ''): Promise<InsertResult> {
  const found = subject.trim() ? findField(document) : undefined;
  const result = await insertText(body);
  if (!result.ok || !found?.ok) return result;
  const field = subjectFieldNear(found.element);
  return field && fillSubject(field, subject.trim()) ? { ...result, subjectFilled: true } : result;
}
