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

const PERSON = String.raw`(?:who|someone|somebody|anyone|anybody|people|colleagues?)\s+(?:(?:who|that)\s+)?`;
const TOPIC = String.raw`(?:(?:with|in|on|about|how\s+to\s+use|how\s+to|to\s+use|to)\s+)?(.+)`;

const THEY_LEARN: readonly RegExp[] = [
  new RegExp(String.raw`^${PERSON}(?:wants?|needs?|would\s+like|hopes?|is\s+trying|are\s+trying)\s+to\s+learn\s+(?:about\s+)?(.+)$`, 'd'),
  /^wants\s+to\s+learn\s+(?:about\s+)?(.+)$/d,
  new RegExp(String.raw`^(?:${PERSON})?(?:needs?|wants?)\s+help\s+with\s+(.+)$`, 'd'),
  /^(?:i\s+(?:can|could)\s+)?teach\s+(?!me\b)(?:(?:someone|others|people|them)\s+)?(.+)$/d,
  /^(?:learners?|students?|mentees?)\s+(?:of|for|in)\s+(.+)$/d,
];

const THEY_TEACH: readonly RegExp[] = [
  new RegExp(String.raw`^(?:${PERSON})?(?:(?:can|could|will|would|to)\s+)?(?:teach(?:es)?|mentor|coach|show|help|train)\s+me\s+${TOPIC}$`, 'd'),
  /^(?:i\s+)?(?:want|need|would\s+like|'d\s+like|wish|hope)\s+to\s+learn\s+(?:about\s+)?(.+)$/d,
  /^learn(?:ing)?\s+(?:about\s+)?(.+)$/d,
  new RegExp(String.raw`^(?:${PERSON})?(?:knows?|is\s+good\s+at|is\s+an?\s+expert\s+(?:in|on|at)|teach(?:es)?)\s+(.+)$`, 'd'),
  /^(?:an?\s+)?(?:experts?|teachers?|mentors?|coach(?:es)?|gurus?)\s+(?:in|of|for|on|at)\s+(.+)$/d,
  /^(.+?)\s+(?:experts?|teachers?|mentors?|gurus?|coach(?:es)?)$/d,
];

function cleanTopic(topic: string): string {
  return topic
    .replace(/\s+please$/i, '')
    .replace(/^(?:a|an|the|some|more)\s+/i, '')
    .trim();
}

export function parseQuery(query: string | undefined): ParsedQuery {
  const text = (query ?? '').replace(/\s+/g, ' ').replace(/[?!.]+$/, '').trim();
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
