import { afterEach, describe, expect, it, vi } from 'vitest';
import { insertMessage } from '../../../lib/insert';

afterEach(() => {
  document.body.innerHTML = '';
});

// Two compose windows side by side, as Gmail opens them: the subject belongs to the window being written in.
const TWO_WINDOWS = `
  <div class="compose" id="first"><input name="subjectbox" aria-label="Subject"><textarea id="body1"></textarea></div>
  <div class="compose" id="second"><input name="subjectbox" aria-label="Subject"><textarea id="body2"></textarea></div>`;

describe('insertMessage', () => {
  it('fills the subject field of the compose window being written in, not another one', async () => {
    document.body.innerHTML = TWO_WINDOWS;
    const onInput = vi.fn();
    document.querySelector('#second input')!.addEventListener('input', onInput);
    document.querySelector<HTMLTextAreaElement>('#body2')!.focus();
    const result = await insertMessage('Hi Dana,\nshall we?', 'Two-way mentoring, Dana?');
    expect(result).toMatchObject({ ok: true, subjectFilled: true });
    expect(document.querySelector<HTMLInputElement>('#second input')!.value).toBe('Two-way mentoring, Dana?');
    expect(document.querySelector<HTMLInputElement>('#first input')!.value).toBe('');
    expect(document.querySelector<HTMLTextAreaElement>('#body2')!.value).toBe('Hi Dana,\nshall we?');
    expect(onInput).toHaveBeenCalledOnce();
  });

  it('never replaces a subject the person already wrote', async () => {
    document.body.innerHTML = '<div><input aria-label="Add a subject" value="My own subject"><textarea></textarea></div>';
    document.querySelector('textarea')!.focus();
    const result = await insertMessage('Hi Dana', 'Two-way mentoring, Dana?');
    expect(result).toMatchObject({ ok: true });
    expect(result).not.toHaveProperty('subjectFilled');
    expect(document.querySelector('input')!.value).toBe('My own subject');
  });

  it('inserts the body alone where the page has no subject field (a chat box)', async () => {
    document.body.innerHTML = '<div><input aria-label="Search"><textarea aria-label="Message"></textarea></div>';
    document.querySelector('textarea')!.focus();
    const result = await insertMessage('Hi Dana', 'Two-way mentoring, Dana?');
    expect(result).toMatchObject({ ok: true });
    expect(result).not.toHaveProperty('subjectFilled');
    expect(document.querySelector('input')!.value).toBe('');
  });

  it('touches no subject when the body could not be inserted', async () => {
    document.body.innerHTML = '<div><input name="subjectbox"><textarea readonly></textarea></div>';
    document.querySelector('textarea')!.focus();
    const result = await insertMessage('Hi Dana', 'Two-way mentoring, Dana?');
    expect(result).toMatchObject({ ok: false, reason: 'read-only' });
    expect(document.querySelector('input')!.value).toBe('');
  });
});
