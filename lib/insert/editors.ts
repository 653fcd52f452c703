/** What kind of field the text goes into: it decides which insertion methods are tried, in order. */
export const EDITOR_KINDS = ['text-field', 'contenteditable', 'prosemirror', 'quill', 'ckeditor5', 'draftjs', 'lexical', 'slate'] as const;
export type EditorKind = (typeof EDITOR_KINDS)[number];

export const INSERT_METHODS = ['execCommand', 'setRangeText', 'paste-event', 'beforeinput', 'dom-range'] as const;
export type InsertMethod = (typeof INSERT_METHODS)[number];

/** Editors that keep their own document model, found from the focused element. Slack's composer is Quill; Teams' is CKEditor 5. */
const MODEL_EDITORS: readonly (readonly [EditorKind, string])[] = [
  ['prosemirror', '.ProseMirror'],
  ['quill', '.ql-editor'],
  ['ckeditor5', '.ck-editor__editable'],
  ['draftjs', '.public-DraftEditor-content'],
  ['lexical', '[data-lexical-editor="true"]'],
  ['slate', '[data-slate-editor="true"]'],
];

/**
 * The methods per kind, best first. Text fields and plain contenteditable take execCommand
 * (undoable, fires real input events). Model editors get a synthetic paste through their own
 * pipeline (execCommand corrupts Draft.js, so it gets nothing else); Lexical and Slate read
 * beforeinput. A direct DOM insertion is only safe where no model owns the DOM.
 */
export const STRATEGIES: Record<EditorKind, readonly InsertMethod[]> = {
  'text-field': ['execCommand', 'setRangeText'],
  contenteditable: ['execCommand', 'paste-event', 'dom-range'],
  prosemirror: ['paste-event', 'execCommand'],
  quill: ['paste-event', 'execCommand'],
  ckeditor5: ['paste-event', 'execCommand'],
  draftjs: ['paste-event'],
  lexical: ['beforeinput', 'paste-event'],
  slate: ['beforeinput', 'paste-event'],
};

export const EDITOR_LABELS: Record<EditorKind, string> = {
  'text-field': 'text field',
  contenteditable: 'editable area',
  prosemirror: 'ProseMirror editor',
  quill: 'Quill editor',
  ckeditor5: 'CKEditor 5 editor',
  draftjs: 'Draft.js editor',
  lexical: 'Lexical editor',
  slate: 'Slate editor',
};

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email']);

/** textarea or a text-like input (never password, number or the like). */
export function isTextField(element: Element): element is HTMLTextAreaElement | HTMLInputElement {
  return element.localName === 'textarea' || (element.localName === 'input' && TEXT_INPUT_TYPES.has((element as HTMLInputElement).type));
}

/** The root of the model editor the element belongs to, if any, even when it is read-only right now. */
export function modelEditorRoot(element: Element): { kind: EditorKind; root: Element } | undefined {
  for (const [kind, selector] of MODEL_EDITORS) {
    const root = element.closest(selector);
    if (root) return { kind, root };
  }
  return undefined;
}

export function detectEditor(element: Element): EditorKind {
  if (isTextField(element)) return 'text-field';
  return modelEditorRoot(element)?.kind ?? 'contenteditable';
}
