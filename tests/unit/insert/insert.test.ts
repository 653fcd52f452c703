import { afterEach, describe, expect, it, vi } from 'vitest';
import { insertText } from '../../../lib/insert';

// happy-dom has no document.execCommand: these tests cover the fallbacks; the e2e tests cover execCommand.
afterEach(() => {
  document.body.innerHTML = '';
});

function mount<T extends HTMLElement>(html: string, selector: string): T {
  document.body.innerHTML = html;
  return document.querySelector<T>(selector)!;
}

function caretAt(node: Node, offset: number): void {
  const range = document.createRange();
  range.setStart(node, offset);
  range.collapse(true);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
}

describe('insertText into text fields', () => {
  it('replaces the selection of the focused textarea, caret after, and fires input for frameworks', async () => {
    const textarea = mount<HTMLTextAreaElement>('<textarea id="msg">Hello world</textarea>', 'textarea');
    const onInput = vi.fn((event: Event) => (event as InputEvent).inputType);
    textarea.addEventListener('input', onInput);
    textarea.focus();
    textarea.setSelectionRange(6, 11);
    const result = await insertText('Ada,\nthanks');
    expect(result).toEqual({ ok: true, method: 'setRangeText', editor: 'text-field', element: 'text field <textarea#msg>' });
    expect(textarea.value).toBe('Hello Ada,\nthanks');
    expect(textarea.selectionStart).toBe(textarea.value.length);
    expect(onInput).toHaveReturnedWith('insertText');
  });

  it('puts the caret back where it was when focus went elsewhere in between', async () => {
    document.body.innerHTML = '<input id="subject" value="Dear , welcome"><button>Mutual</button>';
    const input = document.querySelector('input')!;
    input.focus();
    input.setSelectionRange(5, 5);
    document.querySelector('button')!.focus();
    const result = await insertText('Ada', input);
    expect(result.ok).toBe(true);
    expect(input.value).toBe('Dear Ada, welcome');
    expect(document.activeElement).toBe(input);
  });

  it('appends to an email field, which has no selection API', async () => {
    const input = mount<HTMLInputElement>('<input type="email" value="ada">', 'input');
    input.focus();
    expect(await insertText('@example.com')).toMatchObject({ ok: true, method: 'setRangeText' });
    expect(input.value).toBe('ada@example.com');
  });

  it('refuses read-only and disabled fields, and never types into a password field', async () => {
    mount('<textarea readonly>x</textarea>', 'textarea').focus();
    expect(await insertText('hi')).toMatchObject({ ok: false, reason: 'read-only', tried: [] });
    const password = mount<HTMLInputElement>('<input type="password">', 'input');
    password.focus();
    expect(await insertText('hi')).toMatchObject({ ok: false, reason: 'no-focus' });
    expect(password.value).toBe('');
  });

  it('says no-focus when nothing editable has focus, and refuses empty text', async () => {
    mount('<p>text</p><button>b</button>', 'button').focus();
    expect(await insertText('hi')).toMatchObject({ ok: false, reason: 'no-focus' });
    mount('<textarea></textarea>', 'textarea').focus();
    expect(await insertText('  \n')).toMatchObject({ ok: false, reason: 'empty-text' });
  });
});

describe('insertText into contenteditable', () => {
  it('falls back to a DOM insertion at the caret, line breaks as <br>, markup as text', async () => {
    const editable = mount<HTMLElement>('<div contenteditable="true" id="body">Before after</div>', 'div');
    editable.focus();
    caretAt(editable.firstChild!, 7);
    const result = await insertText('<img src=x onerror=alert(1)>\nline two ');
    expect(result).toMatchObject({ ok: true, method: 'dom-range', editor: 'contenteditable' });
    expect(result.ok && result.element).toBe('editable area <div#body>');
    expect(editable.querySelector('img')).toBeNull();
    expect(editable.innerHTML).toBe('Before &lt;img src=x onerror=alert(1)&gt;<br>line two after');
  });

  it('inserts at the end when the caret was lost, and targets the editing host from a child', async () => {
    const editable = mount<HTMLElement>('<div contenteditable="true"><p>One</p><p id="two">Two</p></div>', 'div');
    document.getSelection()!.removeAllRanges();
    expect(await insertText('Three', document.getElementById('two')!)).toMatchObject({ ok: true, method: 'dom-range' });
    expect(editable.textContent).toBe('OneTwoThree');
  });

  it('lets a page that handles paste itself do the insertion', async () => {
    const editable = mount<HTMLElement>('<div contenteditable="true"></div>', 'div');
    editable.addEventListener('paste', (event) => {
      event.preventDefault();
      editable.textContent += event.clipboardData!.getData('text/plain');
    });
    editable.focus();
    expect(await insertText('Pasted')).toMatchObject({ ok: true, method: 'paste-event' });
    expect(editable.textContent).toBe('Pasted');
  });
});

describe('insertText into editors that own a model', () => {
  it('pastes into ProseMirror through a synthetic paste carrying the text as text/plain only', async () => {
    const editor = mount<HTMLElement>('<div class="ProseMirror" contenteditable="true"><p>Hi</p></div>', 'div');
    let types: readonly string[] = [];
    editor.addEventListener('paste', (event) => {
      event.preventDefault();
      types = event.clipboardData!.types;
      for (const line of event.clipboardData!.getData('text/plain').split('\n\n')) editor.insertAdjacentHTML('beforeend', `<p>${line}</p>`);
    });
    editor.focus();
    expect(await insertText('Para one\n\nPara two')).toMatchObject({ ok: true, method: 'paste-event', editor: 'prosemirror' });
    expect(types).toEqual(['text/plain']);
  });

  it('waits for an editor that commits after the event (Lexical commits in a microtask)', async () => {
    const editor = mount<HTMLElement>('<div data-lexical-editor="true" contenteditable="true"><p><br></p></div>', 'div');
    editor.addEventListener('beforeinput', (event) => {
      event.preventDefault();
      const text = event.dataTransfer!.getData('text/plain');
      expect(event.inputType).toBe('insertReplacementText');
      queueMicrotask(() => void (editor.firstElementChild!.textContent = text));
    });
    editor.focus();
    expect(await insertText('Hello Lexical')).toMatchObject({ ok: true, method: 'beforeinput', editor: 'lexical' });
  });

  it('reports not-verified after every method when the editor takes the event but the text never shows', async () => {
    const editor = mount<HTMLElement>('<div class="ql-editor" contenteditable="true"><p>Hi</p></div>', 'div');
    editor.addEventListener('paste', (event) => event.preventDefault());
    editor.focus();
    expect(await insertText('Lost')).toMatchObject({ ok: false, reason: 'not-verified', editor: 'quill', tried: ['paste-event', 'execCommand'] });
  });

  it('stops after a method that changed the field without the text: never inserts twice', async () => {
    const editor = mount<HTMLElement>('<div class="ck-editor__editable" contenteditable="true"></div>', 'div');
    editor.addEventListener('paste', (event) => {
      event.preventDefault();
      editor.textContent = event.clipboardData!.getData('text/plain').slice(0, 3);
    });
    editor.focus();
    expect(await insertText('Truncated')).toMatchObject({ ok: false, reason: 'not-verified', tried: ['paste-event'] });
    expect(editor.textContent).toBe('Tru');
  });

  it('never touches a Draft.js editor’s DOM directly, whose model would be corrupted', async () => {
    const editor = mount<HTMLElement>('<div class="public-DraftEditor-content" contenteditable="true"><div>x</div></div>', 'div');
    editor.focus();
    expect(await insertText('Hi')).toMatchObject({ ok: false, reason: 'not-verified', editor: 'draftjs', tried: ['paste-event'] });
    expect(editor.innerHTML).toBe('<div>x</div>');
  });

  it('reports a focused editor switched to read-only', async () => {
    const editor = mount<HTMLElement>('<div class="ProseMirror" contenteditable="false" tabindex="0"><p>x</p></div>', 'div');
    editor.focus();
    expect(await insertText('Hi')).toMatchObject({ ok: false, reason: 'read-only' });
  });
});

describe('finding the focused field', () => {
  it('follows focus into an open shadow root', async () => {
    const host = mount<HTMLElement>('<x-composer></x-composer>', 'x-composer');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<textarea id="inner"></textarea>';
    root.querySelector('textarea')!.focus();
    const result = await insertText('Shadow');
    expect(result).toMatchObject({ ok: true, element: 'text field <textarea#inner> in a shadow root' });
    expect(root.querySelector('textarea')!.value).toBe('Shadow');
  });

  it('reports a focused frame from another origin, whose document it cannot read', async () => {
    const frame = document.createElement('iframe');
    vi.spyOn(document, 'activeElement', 'get').mockReturnValue(frame);
    expect(await insertText('Hi')).toMatchObject({ ok: false, reason: 'cross-origin' });
  });

  it('finds the one field inside a container given as target', async () => {
    mount('<form id="compose"><label>To <span>x</span></label><textarea></textarea></form>', 'form');
    expect(await insertText('Hi', document.getElementById('compose')!)).toMatchObject({ ok: true, editor: 'text-field' });
    expect(document.querySelector('textarea')!.value).toBe('Hi');
  });
});
