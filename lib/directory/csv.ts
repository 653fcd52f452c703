import Papa from 'papaparse';
import { FeedFormatError } from './errors';
import { acceptEntries, emptyReport, type AcceptOptions, type Candidate, type ParsedFeed } from './validate';

/**
 * CSV as spreadsheets and form tools (Google Forms, Microsoft Forms) export it: columns are found
 * by what their headers say, multi-value cells are split on ";" "," "|" or new lines, and a level
 * or priority may follow a skill in brackets: "Python (expert); Canva". See docs/directory-feed.md.
 */
type Field =
  | 'consentDate'
  | 'updatedAt'
  | 'expiresAt'
  | 'consent'
  | 'email'
  | 'contact'
  | 'name'
  | 'title'
  | 'department'
  | 'location'
  | 'timeZone'
  | 'careerStage'
  | 'languages'
  | 'teach'
  | 'learn'
  | 'ask'
  | 'interests'
  | 'ergs'
  | 'formats'
  | 'capacity'
  | 'status';

/** Tried in order on the normalised header (lower case, words only): the first that matches names the column. */
const HEADER_RULES: readonly (readonly [Field, RegExp])[] = [
  ['consentDate', /\b(consent|opt(ed)? ?in)\b.*\b(date|time)\b|\b(consented|opted in) (on|at)\b|\bdate\b.*\bconsent/],
  ['updatedAt', /^(updated( at| on)?|last (updated|modified|modified time|changed))$/],
  ['expiresAt', /\b(expires?|expiry|expiration|valid until|listed until)\b/],
  ['consentDate', /^(timestamp|completion time|submitted( at| on)?|submission (date|time)|date submitted)$/],
  ['consent', /\b(consent|agree|opt(ed)? ?in|permission|happy to be listed|list me)\b/],
  ['email', /\be ?mail\b/],
  ['contact', /\b(contact|slack|teams handle|chat handle|handle|profile url|linkedin)\b/],
  ['name', /^((your|full|display|preferred) )?name$|^name /],
  // Skill questions often mention a level or a job: they are read before title and career stage.
  ['ask', /\b(concrete ask|ask|help with)\b/],
  ['learn', /\b(learn|learning|develop|grow|want to get better|skills? (i|you) (want|need))\b/],
  ['teach', /\b(teach|share|offer|mentor others|expertise|good at|skills? (i|you) can)\b/],
  ['title', /\b(job title|title|role|position|job)\b/],
  ['department', /\b(department|dept|team|business unit|function|division|org)\b/],
  ['timeZone', /\b(time ?zone|tz)\b/],
  ['formats', /\b(format|formats|how would you like to meet|meet|meeting)\b/],
  ['location', /\b(location|office|city|country|based|site|where)\b/],
  ['careerStage', /\b(career|seniority|stage|level|grade)\b/],
  ['languages', /\blanguages?\b/],
  ['interests', /\b(interests?|hobbies|outside work)\b/],
  ['ergs', /\b(erg|ergs|employee resource|resource groups?|network|networks|communities|community|affinity)\b/],
  ['capacity', /\b(capacity|how many|number of|mentees)\b/],
  ['status', /\b(status|accepting|available|availability)\b/],
];

function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Each field → the columns that feed it (the first non-empty cell wins, e.g. Microsoft Forms' "Name" then "Full name"). */
export function mapColumns(headers: readonly string[]): { columns: Map<Field, number[]>; ignored: string[] } {
  const columns = new Map<Field, number[]>();
  const ignored: string[] = [];
  headers.forEach((header, column) => {
    const normalised = normaliseHeader(header);
    const field = normalised ? HEADER_RULES.find(([, rule]) => rule.test(normalised))?.[0] : undefined;
    if (!field) {
      if (normalised && normalised !== 'id') ignored.push(header.trim());
      return;
    }
    columns.set(field, [...(columns.get(field) ?? []), column]);
  });
  return { columns, ignored };
}

/** Splits a multi-value cell on ; , | • and new lines, but not inside brackets: "Excel (advanced, VBA)". */
export function splitList(cell: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of cell) {
    if (char === '(' || char === '[') depth++;
    else if ((char === ')' || char === ']') && depth > 0) depth--;
    if (depth === 0 && /[;,|•\n\r]/.test(char)) {
      items.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  items.push(current);
  return items.map((item) => item.trim()).filter(Boolean);
}

const LEVEL_WORDS: Record<string, string> = {
  beginner: 'beginner', basic: 'beginner', novice: 'beginner', basics: 'beginner',
  intermediate: 'intermediate', working: 'intermediate', competent: 'intermediate', good: 'intermediate',
  advanced: 'advanced', strong: 'advanced', proficient: 'advanced',
  expert: 'expert', master: 'expert', fluent: 'expert',
};
const PRIORITY_WORDS: Record<string, string> = {
  high: 'high', top: 'high', urgent: 'high', must: 'high',
  medium: 'medium', med: 'medium', normal: 'medium',
  low: 'low', someday: 'low', 'nice to have': 'low',
};

/** "Python (expert)" → ["Python", "expert"]; an unknown bracket stays part of the name: "C (language)". */
function splitQualifier(item: string, words: Record<string, string>): [string, string | undefined] {
  const match = /^(.*?)\s*[([]\s*([^()[\]]+?)\s*(?:priority|level)?\s*[)\]]$/i.exec(item);
  const word = match?.[2]?.toLowerCase().replace(/\s*(priority|level)$/, '');
  const known = word === undefined ? undefined : words[word];
  return known && match?.[1] ? [match[1], known] : [item, undefined];
}

function teachItems(cell: string) {
  return splitList(cell).map((item) => {
    const [name, level] = splitQualifier(item, LEVEL_WORDS);
    return { name, level: level ?? 'intermediate' };
  });
}

function learnItems(cell: string, ask: string | undefined) {
  return splitList(cell).map((item, i) => {
    const [name, priority] = splitQualifier(item, PRIORITY_WORDS);
    // One "concrete ask" column describes the first (most important) thing to learn.
    return { name, priority: priority ?? 'medium', ask: i === 0 && ask ? ask : '' };
  });
}

const STAGES: readonly (readonly [string, RegExp])[] = [
  ['executive', /exec|vp|vice president|c-?level|chief|leadership team|director/],
  ['senior', /senior|lead|principal|staff|manager|head/],
  ['early', /early|junior|entry|graduate|grad|intern|apprentice|associate/],
  ['mid', /mid|intermediate|experienced/],
];

function careerStage(cell: string): string {
  const lower = cell.toLowerCase();
  return STAGES.find(([, rule]) => rule.test(lower))?.[0] ?? cell;
}

const FORMATS: readonly (readonly [string, RegExp])[] = [
  ['in-person', /person|face|office|coffee/],
  ['video', /video|zoom|meet|teams call|call online|online/],
  ['phone', /phone|call/],
  ['chat', /chat|slack|message|messaging|teams|text/],
];

function formats(cell: string): string[] {
  return splitList(cell).map((item) => FORMATS.find(([, rule]) => rule.test(item.toLowerCase()))?.[0] ?? item);
}

/** Google Forms writes the chosen option ("Yes, list me"); a blank or negative answer is no consent. */
export function isConsentAnswer(cell: string): boolean {
  const answer = cell.trim().toLowerCase();
  if (!answer || /^(no|n|false|0|off|unchecked)\b|\b(not|don[’']?t|do not|decline|withdraw)\b/.test(answer)) return false;
  return /^(yes|y|true|1|x|✓|✔|on|checked)$|\b(yes|agree|consent|accept|opt(ed)? ?in|happy|list me)\b/.test(answer);
}

function capacity(cell: string): unknown {
  const number = /^\s*(\d+)/.exec(cell);
  return number ? Number(number[1]) : cell;
}

function status(cell: string): string {
  const lower = cell.toLowerCase();
  if (/^(yes|open|accepting|available)/.test(lower)) return 'open';
  if (/^(no|paused|full|not)/.test(lower)) return 'paused';
  return cell;
}

const DATE_TIME =
  /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:[T\s,]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(am|pm)?)?\s*(?:(?:gmt|utc)?\s*([+-])(\d{1,2})(?::?(\d{2}))?|z|gmt|utc)?$/i;

/**
 * Dates as spreadsheets and forms write them, to ISO: "2026-03-04 14:05:12", Google Forms'
 * "2026/03/04 2:05:12 PM GMT+1", and slash dates, read month first (as Google Forms writes them in
 * the US) unless the first number cannot be a month. Without a zone the time is taken as UTC.
 * Anything else is returned as is, for validation to reject.
 */
export function normaliseDate(cell: string): string {
  const value = cell.trim();
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2}))?$/i.test(value)) return value;
  const match = DATE_TIME.exec(value);
  if (!match) return value;
  const [, a = '', b = '', c = '', h = '0', min = '0', sec = '0', meridiem, sign, offsetHours = '0', offsetMinutes = '0'] = match;
  let [year, month, day] = [Number(a), Number(b), Number(c)];
  if (a.length !== 4) {
    year = c.length <= 2 ? 2000 + Number(c) : Number(c);
    [month, day] = Number(a) > 12 ? [Number(b), Number(a)] : [Number(a), Number(b)];
  }
  const hour = (Number(h) % (meridiem ? 12 : 24)) + (meridiem?.toLowerCase() === 'pm' ? 12 : 0);
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) : 0;
  const calendar = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31/02 over to March: such a cell is not a date.
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return value;
  return new Date(Date.UTC(year, month - 1, day, hour, Number(min), Number(sec)) - offset * 60_000).toISOString();
}

/** The delimiter of the header line (outside quotes): a semicolon file is what Excel writes in much of Europe. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function rowToValue(cells: readonly string[], columns: Map<Field, number[]>): Record<string, unknown> {
  const cell = (field: Field): string | undefined => {
    const values = (columns.get(field) ?? []).map((column) => cells[column]?.trim()).filter(Boolean);
    // Microsoft Forms fills its own "Email" column with "anonymous": prefer a cell that is an address.
    return field === 'email' ? (values.find((value) => value!.includes('@')) ?? values[0]) : values[0];
  };
  const list = (field: Field, toItems: (cell: string) => unknown[]) => {
    const value = cell(field);
    return value === undefined ? undefined : toItems(value);
  };
  const date = (field: Field) => {
    const value = cell(field);
    return value === undefined ? undefined : normaliseDate(value);
  };
  const consentDate = date('consentDate');
  const stage = cell('careerStage');
  const status_ = cell('status');
  return {
    name: cell('name'),
    email: cell('email'),
    contact: cell('contact'),
    title: cell('title'),
    department: cell('department'),
    location: cell('location'),
    timeZone: cell('timeZone'),
    careerStage: stage === undefined ? undefined : careerStage(stage),
    languages: list('languages', splitList),
    teach: list('teach', teachItems) ?? [],
    learn: list('learn', (value) => learnItems(value, cell('ask'))) ?? [],
    interests: list('interests', splitList),
    ergs: list('ergs', splitList),
    formats: list('formats', formats),
    // A sheet without a capacity column lists people for one partner each.
    capacity: columns.has('capacity') ? capacity(cell('capacity') ?? '') : 1,
    status: status_ === undefined ? undefined : status(status_),
    consent: { optedIn: isConsentAnswer(cell('consent') ?? ''), date: consentDate },
    expiresAt: date('expiresAt'),
    updatedAt: date('updatedAt') ?? consentDate,
  };
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined));
}

export function parseCsvFeed(text: string, options: AcceptOptions): ParsedFeed {
  const source = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(source, { delimiter: detectDelimiter(source), skipEmptyLines: false });
  const [headers, ...rows] = parsed.data;
  if (!headers || headers.every((header) => !header.trim())) throw new FeedFormatError('The CSV file is empty: it needs a header row and one row per person.');
  const { columns, ignored } = mapColumns(headers);
  if (!columns.has('email')) {
    throw new FeedFormatError('This CSV has no email column: add one with a header such as "Email address".');
  }
  const report = emptyReport();
  if (!columns.has('consent')) report.warnings.push('No consent column (such as "I agree to be listed"): nobody in this file has opted in.');
  if (ignored.length) report.warnings.push(`Columns not used: ${ignored.join(', ')}`);
  for (const error of parsed.errors) {
    if (error.row !== undefined) report.warnings.push(`Row ${error.row + 1}: ${error.message}`);
  }

  function* candidates(): Generator<Candidate> {
    for (const [i, cells] of rows.entries()) {
      if (cells.every((cell) => !cell.trim())) continue;
      // Row 1 is the header, so data row i is spreadsheet row i + 2.
      yield { at: { row: i + 2 }, value: withoutUndefined(rowToValue(cells, columns)) };
    }
  }
  return acceptEntries(candidates(), options, report);
}
