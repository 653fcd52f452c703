/**
 * What a free-text search asks for. "who can teach me Figma" wants people who teach Figma (my wish,
 * added to what I want to learn); "who wants to learn TikTok" wants people who want it (my offer);
 * anything else is looked up in names, departments, titles, locations and skills.
 */
export type ParsedQuery =
  | { kind: 'none' }
  | { kind: 'they-teach'; skillText: string }
  | { kind: 'they-learn'; skillText: string }
  | { kind: 'text'; text: string };

const PERSON = String.raw`(?:who|someone|somebody|anyone|anybody|people|colleagues?) (?:(?:who|that) )?`;
const TOPIC = String.raw`(?:(?:with|in|on|about|how to use|how to|to use|to) )?(.+)`;

const THEY_LEARN: readonly RegExp[] = [
  new RegExp(String.raw`^${PERSON}(?:wants?|needs?|would like|hopes?|is trying|are trying) to learn (?:about )?(.+)$`, 'd'),
  /^wants to learn (?:about )?(.+)$/d,
  new RegExp(String.raw`^(?:${PERSON})?(?:needs?|wants?) help with (.+)$`, 'd'),
  /^(?:i (?:can|could) )?teach (?!me\b)(?:(?:someone|others|people|them) )?(.+)$/d,
  /^(?:learners?|students?|mentees?) (?:of|for|in) (.+)$/d,
];

const THEY_TEACH: readonly RegExp[] = [
  new RegExp(String.raw`^(?:${PERSON})?(?:(?:can|could|will|would|to) )?(?:teach(?:es)?|mentor|coach|show|help|train) me ${TOPIC}$`, 'd'),
  /^(?:i )?(?:want|need|would like|'d like|wish|hope) to learn (?:about )?(.+)$/d,
  /^learn(?:ing)? (?:about )?(.+)$/d,
  new RegExp(String.raw`^(?:${PERSON})?(?:knows?|is good at|is an? expert (?:in|on|at)|teach(?:es)?) (.+)$`, 'd'),
  /^(?:an? )?(?:experts?|teachers?|mentors?|coach(?:es)?|gurus?) (?:in|of|for|on|at) (.+)$/d,
  /^(.+?) (?:experts?|teachers?|mentors?|gurus?|coach(?:es)?)$/d,
];

/** `text` without a run of `chars` at its end (a pattern for it would be quadratic on long runs). */
function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

function cleanTopic(topic: string): string {
  return topic
    .replace(/ please$/i, '')
    .replace(/^(?:a|an|the|some|more) /i, '')
    .trim();
}

export function parseQuery(query: string | undefined): ParsedQuery {
  // One space between words: the patterns above match single spaces, which keeps them linear.
  const text = trimEnd((query ?? '').replace(/\s+/g, ' ').trim(), '?!.').trim();
  if (!text) return { kind: 'none' };
  const lower = text.toLowerCase();
  const topicOf = (patterns: readonly RegExp[]) => {
    for (const pattern of patterns) {
      const span = pattern.exec(lower)?.indices?.[1];
      // Lower-casing keeps positions for the text people type; the topic keeps their spelling.
      const topic = span && cleanTopic(lower.length === text.length ? text.slice(...span) : lower.slice(...span));
      if (topic) return topic;
    }
    return undefined;
  };
  const learns = topicOf(THEY_LEARN);
  if (learns) return { kind: 'they-learn', skillText: learns };
  const teaches = topicOf(THEY_TEACH);
  if (teaches) return { kind: 'they-teach', skillText: teaches };
  return { kind: 'text', text };
}

/** A search that names a department and what to look for in it. */
export interface DepartmentSearch {
  /** The department's number in the index. */
  department: number;
  /** The rest of the search, for parseQuery ("someone who knows finance"); '' for the department alone. */
  rest: string;
}

const IN_OR_FROM = /(?:^|\s)(?:in|from)\s+(?:the\s+|our\s+)?/gi;
const DEPARTMENT_WORDS = new Set(['team', 'department', 'dept', 'org', 'organisation', 'organization', 'function']);
/** What is left of "people from Sales" once the department is taken out: nobody in particular. */
const ANYONE = /^(?:who|someone|somebody|anyone|anybody|people|colleagues?|a colleague|everyone|show me|find)?$/i;

/**
 * "someone in Marketing who knows finance", "who in marketing can teach me finance", "finance
 * experts in the Marketing team", "people from Sales": a department of the directory named after
 * "in" or "from" (the longest that fits), and the rest of the search.
 */
export function splitDepartment(query: string | undefined, departmentOf: (text: string) => number | undefined): DepartmentSearch | undefined {
  const spaced = (query ?? '').replace(/\s+/g, ' ');
  // A loop, not /[?!.]+$/: that pattern is quadratic on a long run of punctuation.
  let end = spaced.length;
  while (end > 0 && '?!.'.includes(spaced[end - 1]!)) end--;
  const text = spaced.slice(0, end).trim();
  for (const match of text.matchAll(IN_OR_FROM)) {
    const words = text.slice(match.index + match[0].length).split(' ');
    for (let n = words.length; n >= 1; n--) {
      const department = departmentOf(words.slice(0, n).join(' '));
      if (department === undefined) continue;
      const end = DEPARTMENT_WORDS.has(words[n]?.toLowerCase() ?? '') ? n + 1 : n;
      const rest = `${text.slice(0, match.index)} ${words.slice(end).join(' ')}`.replace(/\s+/g, ' ').trim();
      return { department, rest: ANYONE.test(rest) ? '' : rest };
    }
  }
  return undefined;
}
