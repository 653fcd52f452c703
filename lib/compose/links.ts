/** A message to open in a mail or chat client: nothing is sent, the user's client opens with it prefilled. */
export interface ComposeMessage {
  to: string;
  subject: string;
  body: string;
}

export interface ComposeLink {
  url: string;
  /** The text was shortened to fit the link: the caller should also copy the full text. */
  truncated: boolean;
}

/**
 * Longest URL each target handles reliably. mailto: stays under the 2,083 characters that
 * Outlook on Windows and older browsers accept; the web apps take longer links but their servers
 * refuse request lines past about 8 KB; Teams deep links are kept short like mailto.
 */
export const LINK_LIMITS = { mailto: 2000, gmail: 8000, outlook: 8000, teams: 2000 } as const;
/** Encoded subject length, so a long subject cannot crowd the body out of the link. */
const SUBJECT_LIMIT = 600;
/** A cut moves back to the last word boundary when one is at most this many characters back. */
const WORD_REACH = 40;

/** An address in a URL: every part encoded except the @ that joins them. */
function encodeAddress(address: string): string {
  return address.trim().split('@').map(encodeURIComponent).join('@');
}

/**
 * The longest prefix of `text` (marked with …) whose rendering fits `limit`. Rendered length grows
 * with the prefix, so a binary search over code points finds it; surrogate pairs are never split.
 */
function fitText(render: (text: string) => string, text: string, limit: number): { text: string; truncated: boolean } {
  if (render(text).length <= limit) return { text, truncated: false };
  const chars = Array.from(text);
  const cut = (length: number) => `${chars.slice(0, length).join('').trimEnd()}…`;
  let [low, high] = [0, chars.length];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (render(cut(mid)).length <= limit) low = mid;
    else high = mid - 1;
  }
  const prefix = chars.slice(0, low).join('');
  const lastSpace = prefix.search(/\s\S*$/);
  const atWord = lastSpace > 0 && prefix.length - lastSpace <= WORD_REACH ? prefix.slice(0, lastSpace) : prefix;
  return { text: `${atWord.trimEnd()}…`, truncated: true };
}

/** Builds `prefix + encoded body`, shortening subject and body to fit. */
function link(prefix: (subject: string) => string, message: Omit<ComposeMessage, 'to'>, limit: number, encodeBody: (text: string) => string = encodeURIComponent): ComposeLink {
  const subject = fitText(encodeURIComponent, message.subject, SUBJECT_LIMIT);
  const base = prefix(encodeURIComponent(subject.text));
  const body = fitText((text) => base + encodeBody(text), message.body, limit);
  return { url: base + encodeBody(body.text), truncated: subject.truncated || body.truncated };
}

/** mailto: per RFC 6068: percent-encoded, line breaks as CRLF. */
export function mailtoLink(message: ComposeMessage, limit: number = LINK_LIMITS.mailto): ComposeLink {
  return link((subject) => `mailto:${encodeAddress(message.to)}?subject=${subject}&body=`, message, limit, (body) =>
    encodeURIComponent(body.replace(/\r?\n/g, '\r\n')),
  );
}

export function gmailLink(message: ComposeMessage, limit: number = LINK_LIMITS.gmail): ComposeLink {
  return link((subject) => `https://mail.google.com/mail/?view=cm&fs=1&to=${encodeAddress(message.to)}&su=${subject}&body=`, message, limit);
}

/** Outlook on the web for work and school accounts (outlook.office.com). */
export function outlookLink(message: ComposeMessage, limit: number = LINK_LIMITS.outlook): ComposeLink {
  return link((subject) => `https://outlook.office.com/mail/deeplink/compose?to=${encodeAddress(message.to)}&subject=${subject}&body=`, message, limit);
}

/** A Teams chat with the partner, the message typed in but not sent (chats have no subject). */
export function teamsChatLink(message: Omit<ComposeMessage, 'subject'>, limit: number = LINK_LIMITS.teams): ComposeLink {
  return link(() => `https://teams.microsoft.com/l/chat/0/0?users=${encodeAddress(message.to)}&message=`, { subject: '', body: message.body }, limit);
}
