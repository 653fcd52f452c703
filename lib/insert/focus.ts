import { isTextField, modelEditorRoot } from './editors';

/** Where the text would go, or why there is no such place. */
export type FieldSearch =
  | { ok: true; element: HTMLElement; inFrame: boolean; inShadowRoot: boolean }
  | { ok: false; reason: 'no-focus' | 'read-only' | 'cross-origin'; element?: Element };

const isFrame = (element: Element): element is HTMLIFrameElement => element.localName === 'iframe' || element.localName === 'frame';

/**
 * The focused element, followed through open shadow roots and same-origin frames. A frame from
 * another origin has no readable document (contentDocument is null): that is reported, since
 * the script injected there has to do the work.
 */
function deepActiveElement(doc: Document): { element: Element | null; crossOrigin: boolean; inFrame: boolean; inShadowRoot: boolean } {
  let element = doc.activeElement;
  let inFrame = false;
  let inShadowRoot = false;
  for (;;) {
    if (element?.shadowRoot?.activeElement) {
      element = element.shadowRoot.activeElement;
      inShadowRoot = true;
    } else if (element && isFrame(element)) {
      const inner = frameDocument(element);
      if (!inner) return { element, crossOrigin: true, inFrame, inShadowRoot };
      element = inner.activeElement;
      inFrame = true;
    } else return { element, crossOrigin: false, inFrame, inShadowRoot };
  }
}

function frameDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null;
  }
}

/** The outermost editable ancestor: where focus, selection and editor events belong. */
function editingHost(element: HTMLElement): HTMLElement {
  let host = element;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

function asHtmlElement(element: Element): HTMLElement | undefined {
  return 'isContentEditable' in element ? (element as HTMLElement) : undefined;
}

/** Decides whether one element can take text, and which element does. */
function classifyField(element: Element | null, where: { inFrame: boolean; inShadowRoot: boolean } = { inFrame: false, inShadowRoot: false }): FieldSearch {
  if (!element) return { ok: false, reason: 'no-focus' };
  if (isTextField(element)) {
    return element.readOnly || element.disabled ? { ok: false, reason: 'read-only', element } : { ok: true, element, ...where };
  }
  const html = asHtmlElement(element);
  if (html?.isContentEditable) {
    const host = editingHost(html);
    if (host.getAttribute('aria-readonly') === 'true') return { ok: false, reason: 'read-only', element };
    return { ok: true, element: host, ...where };
  }
  // A focused editor that is switched to read-only.
  if (modelEditorRoot(element)) return { ok: false, reason: 'read-only', element };
  return { ok: false, reason: 'no-focus', element };
}

const EDITABLE_SELECTOR = 'textarea, input, [contenteditable]:not([contenteditable="false"])';

/**
 * The field to insert into: the focused one in `target` (a document), or `target` itself (an
 * element: a field, something inside an editor, a frame or shadow host, or a container of one field).
 */
export function findField(target: Element | Document): FieldSearch {
  if (target.nodeType === 9) return fromActive(target as Document);
  const element = target as Element;
  if (isFrame(element)) {
    const inner = frameDocument(element);
    return inner ? fromActive(inner, true) : { ok: false, reason: 'cross-origin', element };
  }
  if (element.shadowRoot?.activeElement) return classifyField(element.shadowRoot.activeElement, { inFrame: false, inShadowRoot: true });
  const direct = classifyField(element);
  if (direct.ok || direct.reason === 'read-only') return direct;
  const inside = element.querySelector(EDITABLE_SELECTOR);
  return inside ? classifyField(inside) : direct;
}

function fromActive(doc: Document, inFrame = false): FieldSearch {
  const active = deepActiveElement(doc);
  if (active.crossOrigin) return { ok: false, reason: 'cross-origin', element: active.element ?? undefined };
  return classifyField(active.element, { inFrame: inFrame || active.inFrame, inShadowRoot: active.inShadowRoot });
}
