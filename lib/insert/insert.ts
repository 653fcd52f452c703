import { detectEditor, EDITOR_LABELS, STRATEGIES, type EditorKind, type InsertMethod } from './editors';
import { findField } from './focus';
import { METHODS, selectionFor, type Field } from './methods';
import { arrivesSoon, contentOf } from './verify';

type InsertFailure = 'no-focus' | 'read-only' | 'cross-origin' | 'not-verified' | 'empty-text';

export type InsertResult =
  | { ok: true; method: InsertMethod; editor: EditorKind; element: string; subjectFilled?: boolean }
  | { ok: false; reason: InsertFailure; editor?: EditorKind; element?: string; tried: InsertMethod[] };

/** A short technical description of an element for logs and messages: tag, id, editor, where it sits. */
function describeElement(element: Element, where: { inFrame?: boolean; inShadowRoot?: boolean } = {}): string {
  const id = element.id ? `#${element.id.slice(0, 40)}` : '';
  const context = [where.inFrame ? 'in a frame' : '', where.inShadowRoot ? 'in a shadow root' : ''].filter(Boolean).join(', ');
  return `${EDITOR_LABELS[detectEditor(element)]} <${element.localName}${id}>${context ? ` ${context}` : ''}`;
}

/**
 * Focus moved to Mutual's UI since the user left the field: focus it again and put the caret
 * back where it was (focus() alone may move a contenteditable's caret to the start).
 */
function refocus(field: Field): void {
  const { element } = field;
  if (field.kind === 'text-field') {
    const control = element as HTMLTextAreaElement;
    const { selectionStart, selectionEnd } = control;
    control.focus({ preventScroll: true });
    if (selectionStart !== null && selectionEnd !== null) control.setSelectionRange(selectionStart, selectionEnd);
    return;
  }
  const selection = selectionFor(element);
  const saved = selection?.rangeCount ? selection.getRangeAt(0).cloneRange() : undefined;
  const inside = saved !== undefined && element.contains(saved.commonAncestorContainer);
  element.focus({ preventScroll: true });
  const now = selectionFor(element);
  if (!now) return;
  const kept = now.rangeCount > 0 && element.contains(now.getRangeAt(0).commonAncestorContainer);
  if (inside && (!kept || now.getRangeAt(0).compareBoundaryPoints(saved.START_TO_START, saved) !== 0)) {
    now.removeAllRanges();
    now.addRange(saved);
  } else if (!inside && !kept) {
    const end = element.ownerDocument.createRange();
    end.selectNodeContents(element);
    end.collapse(false);
    now.removeAllRanges();
    now.addRange(end);
  }
}

/**
 * Inserts plain text at the caret of the focused field (through same-origin frames and open
 * shadow roots) or of `target`. Tries the methods that suit the field in order, verifies that
 * the text arrived, and moves on only while the field is unchanged, so text is never inserted
 * twice. Asynchronous because some editors (Lexical, React-based ones) commit after the event.
 */
export async function insertText(text: string, target: Element | Document = document): Promise<InsertResult> {
  if (!text.trim()) return { ok: false, reason: 'empty-text', tried: [] };
  const found = findField(target);
  if (!found.ok) return { ok: false, reason: found.reason, tried: [], ...(found.element ? { element: describeElement(found.element) } : {}) };
  const field: Field = { element: found.element, kind: detectEditor(found.element) };
  const element = describeElement(found.element, found);
  refocus(field);
  const tried: InsertMethod[] = [];
  for (const method of STRATEGIES[field.kind]) {
    const before = contentOf(field);
    tried.push(method);
    if (METHODS[method](field, text) === 'applied' && (await arrivesSoon(field, before, text))) {
      return { ok: true, method, editor: field.kind, element };
    }
    if (contentOf(field) !== before) break;
  }
  return { ok: false, reason: 'not-verified', editor: field.kind, element, tried };
}
