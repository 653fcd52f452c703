import { useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '@/lib/errors';
import {
  fillBlanks,
  offeredTemplates,
  outreachValues,
  renderTemplate,
  suggestTemplate,
  unfilled,
  type LibraryTemplate,
  type MissingValue,
  type OutreachContext,
  type RenderedMessage,
} from '@/lib/templates';
import type { OutgoingMessage, OutreachServices } from './services';

/** The message being prepared: the chosen template, the blanks the user filled and any hand edits. */
export interface OutreachMessage {
  templates?: LibraryTemplate[];
  loadError?: string;
  /** The templates that fit this pair in this mode, for the picker. */
  offered: LibraryTemplate[];
  templateId: string;
  rendered: RenderedMessage;
  fills: Record<string, string>;
  message: OutgoingMessage;
  /** Blanks still in the message: while any is left, nothing leaves Mutual. */
  pending: MissingValue[];
  /** Set once the user tried to let the message leave with a blank in it: the blanks show as invalid. */
  tried: boolean;
  /** Undefined when the message may leave Mutual; otherwise what is missing (and its field takes focus). */
  checkReady(): string | undefined;
  applyTemplate(template: LibraryTemplate): void;
  editMessage(change: Partial<OutgoingMessage>): void;
  setFill(name: string, text: string): void;
  commitFill(blank: MissingValue): void;
  /** The field of each blank, so that it can take focus. */
  blankFields: Map<string, HTMLInputElement>;
}

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The message as the user edited it by hand, and the fills it was written with. */
interface EditedMessage {
  message: OutgoingMessage;
  fills: Record<string, string>;
}

/** `text` with one blank's previous wording (its value or its placeholder) replaced by the next. */
function replaceBlank(text: string, from: string, to: string): string {
  return from === to ? text : text.replaceAll(from, () => to);
}

/** A hand-edited message with one blank's new fill put where its previous wording was. */
function refilled(edited: EditedMessage, blank: MissingValue, fill: string): EditedMessage {
  const wording = (text: string | undefined) => fillBlanks(blank.placeholder, [blank], { [blank.name]: text ?? '' });
  const [from, to] = [wording(edited.fills[blank.name]), wording(fill)];
  return {
    message: { subject: replaceBlank(edited.message.subject, from, to), body: replaceBlank(edited.message.body, from, to) },
    fills: { ...edited.fills, [blank.name]: fill },
  };
}

/** The template the panel opens on: the one suggested for this pair if it fits, else the first that does. */
function firstTemplate(library: LibraryTemplate[], context: OutreachContext): LibraryTemplate | undefined {
  const fitting = offeredTemplates(library, context);
  const suggested = suggestTemplate(context);
  return fitting.find((template) => template.id === suggested) ?? fitting[0];
}

/** What to fill in before the message may leave, in words. */
function blanksLeft(pending: readonly MissingValue[]): string {
  const names = pending.map((value) => value.description.replace(/,? e\.g\..*$/, '').toLowerCase());
  return `Fill in ${listed(names)} first: the message still has ${pending.length === 1 ? 'a blank' : 'blanks'}.`;
}

/**
 * Loads the template library once, starts on the template suggested for this pair (focused on its
 * first blank, if any) and keeps the user's fills across template switches.
 */
export function useOutreachMessage(services: OutreachServices, context: OutreachContext): OutreachMessage {
  const [templates, setTemplates] = useState<LibraryTemplate[]>();
  const [loadError, setLoadError] = useState<string>();
  const [templateId, setTemplateId] = useState('');
  const [rendered, setRendered] = useState<RenderedMessage>({ subject: '', body: '', missing: [] });
  /** What the user typed for each blank, by variable name; kept when they switch templates. */
  const [fills, setFills] = useState<Record<string, string>>({});
  /** The message once edited by hand, and the fills it was written with. */
  const [edited, setEdited] = useState<EditedMessage>();
  const blankFields = useRef(new Map<string, HTMLInputElement>()).current;
  const focusBlank = useRef<string>(undefined);
  const [tried, setTried] = useState(false);

  const values = useMemo(() => outreachValues(context), [context]);
  const offered = useMemo(() => (templates ? offeredTemplates(templates, context) : []), [templates, context]);

  function applyTemplate(template: LibraryTemplate) {
    setTemplateId(template.id);
    setRendered(renderTemplate(template, values));
    setEdited(undefined);
    setTried(false);
  }

  useEffect(() => {
    let current = true;
    services.loadTemplates().then(
      (library) => {
        if (!current) return;
        setTemplates(library);
        const initial = firstTemplate(library, context);
        if (!initial) return;
        applyTemplate(initial);
        // A template that needs something neither profile says opens on the first thing to fill in.
        focusBlank.current = renderTemplate(initial, values).missing[0]?.name;
      },
      (error: unknown) => current && setLoadError(errorMessage(error)),
    );
    return () => {
      current = false;
    };
    // The template list loads once per panel; later prop changes keep the user's edits.
  }, [services]);

  useEffect(() => {
    if (!focusBlank.current) return;
    blankFields.get(focusBlank.current)?.focus();
    focusBlank.current = undefined;
  });

  const filled = (text: string) => fillBlanks(text, rendered.missing, fills);
  const message = edited?.message ?? { subject: filled(rendered.subject), body: filled(rendered.body) };
  const pending = unfilled(`${message.subject}\n${message.body}`, rendered.missing);

  function checkReady(): string | undefined {
    if (pending.length === 0) return undefined;
    setTried(true);
    blankFields.get(pending[0]!.name)?.focus();
    return blanksLeft(pending);
  }

  /** A blank the user filled in: applied at once, or (once the message was edited by hand) when they leave the field. */
  function commitFill(blank: MissingValue) {
    if (edited) setEdited(refilled(edited, blank, fills[blank.name] ?? ''));
  }

  return {
    ...(templates ? { templates } : {}),
    ...(loadError ? { loadError } : {}),
    offered,
    templateId,
    rendered,
    fills,
    message,
    pending,
    tried,
    checkReady,
    applyTemplate,
    editMessage: (change) => setEdited({ message: { ...message, ...change }, fills: edited?.fills ?? fills }),
    setFill: (name, text) => setFills((current) => ({ ...current, [name]: text })),
    commitFill,
    blankFields,
  };
}
