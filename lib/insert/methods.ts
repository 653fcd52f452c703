import type { EditorKind, InsertMethod } from './editors';

export interface Field {
  element: HTMLElement;
  kind: EditorKind;
}

/** 'applied': the method acted (to be verified); 'skipped': it surely changed nothing. */
export type Attempt = 'applied' | 'skipped';

type TextControl = HTMLInputElement | HTMLTextAreaElement;

/** The window the field lives in: events and DataTransfer must come from the field's own realm. */
function windowOf(element: Element): Window & typeof globalThis {
  return element.ownerDocument.defaultView as Window & typeof globalThis;
}

/** The selection that covers the field: a shadow root's own where the browser has one (Chrome). */
export function selectionFor(element: Element): Selection | null {
  const root = element.getRootNode() as Partial<{ getSelection(): Selection | null }>;
  return typeof root.getSelection === 'function' ? root.getSelection() : element.ownerDocument.getSelection();
}

function plainTextData(element: Element, text: string): DataTransfer {
  const data = new (windowOf(element).DataTransfer)();
  data.setData('text/plain', text);
  return data;
}

/** Native editing: undoable, and the page sees real beforeinput/input events. */
function execCommandInsert(field: Field, text: string): Attempt {
  const doc = field.element.ownerDocument;
  if (typeof doc.execCommand !== 'function') return 'skipped';
  return doc.execCommand('insertText', false, text) ? 'applied' : 'skipped';
}

/** Replaces the selection of a text field, then tells the page (React-controlled fields listen for input). */
function setRangeTextInsert(field: Field, text: string): Attempt {
  const control = field.element as TextControl;
  const { selectionStart, selectionEnd } = control;
  if (selectionStart === null || selectionEnd === null) {
    // Types without a selection (email): append, through the prototype setter so frameworks notice.
    const prototype = control.localName === 'textarea' ? windowOf(control).HTMLTextAreaElement.prototype : windowOf(control).HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(control, control.value + text);
  } else control.setRangeText(text, selectionStart, selectionEnd, 'end');
  control.dispatchEvent(new (windowOf(control).InputEvent)('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
  return 'applied';
}

/** A paste the editor handles through its own clipboard pipeline; an editor that takes it cancels the event. */
function pasteEventInsert(field: Field, text: string): Attempt {
  const event = new (windowOf(field.element).ClipboardEvent)('paste', {
    bubbles: true,
    cancelable: true,
    composed: true,
    clipboardData: plainTextData(field.element, text),
  });
  field.element.dispatchEvent(event);
  return event.defaultPrevented ? 'applied' : 'skipped';
}

/** Lexical and Slate insert what a cancelable beforeinput carries in its DataTransfer. */
function beforeInputInsert(field: Field, text: string): Attempt {
  const event = new (windowOf(field.element).InputEvent)('beforeinput', {
    bubbles: true,
    cancelable: true,
    composed: true,
    inputType: 'insertReplacementText',
    dataTransfer: plainTextData(field.element, text),
  });
  field.element.dispatchEvent(event);
  return event.defaultPrevented ? 'applied' : 'skipped';
}

/** Last resort for a contenteditable without a model: text nodes and line breaks at the caret (not undoable). */
function domRangeInsert(field: Field, text: string): Attempt {
  const { element } = field;
  const doc = element.ownerDocument;
  const selection = selectionFor(element);
  const range = selection?.rangeCount && element.contains(selection.getRangeAt(0).commonAncestorContainer) ? selection.getRangeAt(0) : doc.createRange();
  if (!element.contains(range.commonAncestorContainer)) {
    range.selectNodeContents(element);
    range.collapse(false);
  }
  const fragment = doc.createDocumentFragment();
  text.split(/\r?\n/).forEach((line, i) => {
    if (i > 0) fragment.append(doc.createElement('br'));
    fragment.append(doc.createTextNode(line));
  });
  const last = fragment.lastChild!;
  range.deleteContents();
  range.insertNode(fragment);
  range.setStartAfter(last);
  range.collapse(true);
  selection?.removeAllRanges();
  selection?.addRange(range);
  element.dispatchEvent(new (windowOf(element).InputEvent)('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
  return 'applied';
}

export const METHODS: Record<InsertMethod, (field: Field, text: string) => Attempt> = {
  execCommand: execCommandInsert,
  setRangeText: setRangeTextInsert,
  'paste-event': pasteEventInsert,
  beforeinput: beforeInputInsert,
  'dom-range': domRangeInsert,
};
