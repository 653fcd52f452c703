/**
 * What a person answered to "may we list you?", read as they meant it (docs/directory-feed.md,
 * "Consent"). Privacy first: only a recognised yes is consent; a negation anywhere in the answer
 * beats any yes-word; a clause that explains the right to withdraw later is an explanation, not a
 * withdrawal. Everything here works on word lists, in time linear in the answer's length.
 */

export type ConsentAnswer =
  /** A recognised yes: the person is listed (if the rest of the row is valid). */
  | 'yes'
  /** A recognised no, or a blank (not ticked). */
  | 'no'
  /** Not understood: read as no, and reported so the maintainer can fix the form. */
  | 'unrecognized';

/** Lower-case words, apostrophes folded ("don’t" → "dont"), anything else a separator; sentences and clauses end at . ; ! ? ( ) and dashes. */
function clauses(text: string): string[][] {
  const out: string[][] = [];
  let words: string[] = [];
  let word = '';
  const endWord = () => {
    if (word) words.push(word);
    word = '';
  };
  const endClause = () => {
    endWord();
    if (words.length) out.push(words);
    words = [];
  };
  for (const char of text.toLowerCase()) {
    if (char === '\'' || char === '’' || char === '`') continue;
    if (/[\p{L}\p{N}]/u.test(char)) word += char;
    else if ('✓✔☑☒✗✘'.includes(char)) {
      endWord();
      words.push(char);
    } else if ('.;!?()[]—–'.includes(char)) endClause();
    else endWord();
  }
  endClause();
  return out;
}

/** Word sequences as one string with a space on each side, so phrases match whole words only. */
const spaced = (words: readonly string[]) => ` ${words.join(' ')} `;
const hasAny = (text: string, phrases: readonly string[]) => phrases.some((phrase) => text.includes(` ${phrase} `));

/** Whole answers that are a yes on their own (ticked boxes, short forms, a few languages). */
const YES_ANSWERS = new Set([
  'yes', 'y', 'yes please', 'yeah', 'yep', 'true', '1', 'x', '✓', '✔', '☑', 'on', 'checked', 'ticked', 'ok', 'okay',
  'sure', 'agree', 'agreed', 'i agree', 'i consent', 'consent', 'consented', 'accept', 'accepted', 'i accept',
  'opt in', 'opted in', 'optin', 'ja', 'oui', 'si', 'sí', 'sim', 'tak', 'da', 'absolutely', 'of course',
]);

/** Words that make an answer a yes when nothing negates it: "I consent", "OK to include me", a form's checkbox sentence. */
const YES_PHRASES = [
  'yes', 'agree', 'agreed', 'consent', 'consented', 'accept', 'accepted', 'opt in', 'opted in', 'optin',
  'include me', 'list me', 'happy to', 'happy for', 'willing to', 'ok to', 'okay to', 'ok with', 'okay with',
  'count me in', 'give permission', 'grant permission', 'sign me up',
  // A few other languages' forms: French, German, Spanish, Portuguese, Polish.
  'jaccepte', 'daccord', 'einverstanden', 'ich stimme zu', 'acepto', 'de acuerdo', 'aceito', 'concordo', 'zgadzam sie', 'zgadzam się',
];

/** Any of these anywhere (outside an explanatory clause) makes the answer a no. */
const NO_PHRASES = [
  'no', 'n', 'not', 'nope', 'nah', 'never', 'dont', 'do not', 'does not', 'didnt', 'wont', 'false', '0', 'off',
  'unchecked', 'decline', 'declined', 'declines', 'refuse', 'refused', 'disagree', 'withdraw', 'withdrawn', 'withdrew',
  'revoke', 'revoked', 'opt out', 'opted out', 'optout', 'remove me', 'delete me', 'unsubscribe', 'rather not',
  'prefer not', 'leave me out', 'exclude me', 'nein', 'non', 'nee', 'nej', 'nie', 'não', 'nao',
];

/** Phrases with a no-word that say yes: read as "yes" before negations are looked for. */
const YES_DESPITE_NO = ['no problem', 'no objection', 'no objections', 'no worries', 'why not', 'not a problem'];

/** The right to stop later ("I can withdraw at any time") is explanation: such a clause is set aside. */
const RIGHT_MARKERS = ['can', 'may', 'could', 'able to', 'right to', 'free to', 'until', 'unless', 'if i', 'whenever', 'at any time', 'anytime'];
const WITHDRAW_WORDS = ['withdraw', 'opt out', 'unsubscribe', 'remove', 'revoke', 'change my mind', 'be removed', 'ask to be', 'leave', 'stop'];
/** What the organisation promises not to do with the data is explanation too ("will not be shared outside Acme"). */
const PROMISE_MARKERS = ['will not be', 'wont be', 'is never', 'are never', 'will never be', 'not be shared', 'not be sold'];

/** Whether one of `phrases` starts at word `at`. */
function phraseAt(words: readonly string[], at: number, phrases: readonly string[]): boolean {
  const rest = spaced(words.slice(at, at + 4));
  return phrases.some((phrase) => rest.startsWith(` ${phrase} `));
}

/** The clause without its explanatory part: from a right-marker followed (within the clause) by a withdraw word, to its end. */
function withoutExplanation(words: readonly string[]): string[] {
  if (hasAny(spaced(words), PROMISE_MARKERS)) return [];
  let lastWithdraw = -1;
  for (let at = words.length - 1; at >= 0 && lastWithdraw < 0; at--) if (phraseAt(words, at, WITHDRAW_WORDS)) lastWithdraw = at;
  for (let at = 0; at <= lastWithdraw; at++) if (phraseAt(words, at, RIGHT_MARKERS)) return words.slice(0, at);
  return [...words];
}

/** Answers longer than this are read by their start only: no real answer is longer, and a hostile one costs no more. */
const MAX_ANSWER = 2000;

export function readConsentAnswer(cell: string): ConsentAnswer {
  const parts = clauses(cell.slice(0, MAX_ANSWER));
  if (!parts.length) return cell.trim() ? 'unrecognized' : 'no';
  const whole = parts.flat().join(' ');
  if (YES_ANSWERS.has(whole)) return 'yes';
  const kept = YES_DESPITE_NO.reduce((text, phrase) => text.replaceAll(` ${phrase} `, ' yes '), spaced(parts.flatMap(withoutExplanation)));
  if (hasAny(kept, NO_PHRASES)) return 'no';
  return hasAny(kept, YES_PHRASES) ? 'yes' : 'unrecognized';
}

/**
 * A consent question may be asked the other way round ("Leave me out of the directory",
 * "Opt out"): a yes there means no. Such a header is never read as opt-in.
 */
export function isOptOutQuestion(header: string): boolean {
  const kept = spaced(clauses(header).flatMap(withoutExplanation));
  return hasAny(kept, ['opt out', 'opted out', 'optout', 'leave me out', 'exclude', 'excluded', 'remove me', 'hide me', 'unsubscribe', 'withdraw', 'not be listed', 'not to be listed', 'not list', 'dont list', 'do not list', 'not include', 'not want', 'dont want', 'not be included']);
}
