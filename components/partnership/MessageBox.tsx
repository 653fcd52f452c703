import { useId, useRef } from 'react';
import { unfilled, type MissingValue } from '@/lib/templates';
import { errorMessage } from '@/lib/errors';
import type { PartnershipServices } from './services';

export type Say = (text: string, tone?: 'info' | 'error') => void;

const PASTE_HINT = 'paste it with Ctrl+V (⌘V on a Mac)';

/**
 * A message to insert into the page Mutual was opened from, or copy: editable, and it leaves Mutual
 * only when no placeholder ("[their first name]") is left in it — the rule outreach messages follow.
 */
export function MessageBox(props: {
  label: string;
  text: string;
  onChange(text: string): void;
  missing: readonly MissingValue[];
  services: Pick<PartnershipServices, 'insert' | 'copy'>;
  say: Say;
  rows?: number;
}) {
  const { text, missing, services, say } = props;
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const pending = unfilled(text, missing);

  function blocked(): boolean {
    if (pending.length === 0) return false;
    say(`Fill in ${pending.map((value) => `“${value.placeholder}”`).join(', ')} in the text first: nothing leaves Mutual with a placeholder in it.`, 'error');
    box.current?.focus();
    return true;
  }

  async function copy(reason = ''): Promise<void> {
    try {
      await services.copy(text);
      say(`${reason}${reason ? ' It is on your clipboard instead' : 'Copied'}: ${PASTE_HINT}.`, reason ? 'error' : 'info');
    } catch {
      say(`${reason} Copying failed: select the text and copy it yourself.`.trim(), 'error');
      box.current?.select();
    }
  }

  async function insert(): Promise<void> {
    if (blocked()) return;
    say('Inserting…');
    const outcome = await services.insert(text).catch((error: unknown) => ({ ok: false as const, message: errorMessage(error) }));
    if (!outcome) return copy('There is no page to insert into: open this page from Mutual’s popup on the page where you write.');
    if (outcome.ok) say(`Inserted into ${outcome.where}. Check it there and send it yourself.`);
    else await copy(outcome.message);
  }

  return (
    <div className="message-box">
      <label htmlFor={id}>{props.label}</label>
      {pending.length > 0 && (
        <p className="field-hint" id={`${id}-missing`}>
          Still to fill in: {pending.map((value) => value.placeholder).join(', ')}
        </p>
      )}
      <textarea
        id={id}
        ref={box}
        rows={props.rows ?? 12}
        value={text}
        aria-describedby={pending.length > 0 ? `${id}-missing` : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void insert()}>
          Insert into page<span className="visually-hidden"> – {props.label}</span>
        </button>
        <button type="button" onClick={() => void (blocked() || copy())}>
          Copy<span className="visually-hidden"> – {props.label}</span>
        </button>
      </div>
    </div>
  );
}
