import Papa from 'papaparse';
import { isOptOutQuestion, readConsentAnswer } from './consent';
import { columnDates, normaliseDate, type ColumnDates, type DayOrder } from './dates';
import { FeedFormatError } from './errors';
import { count, shorten } from './messages';
import { readTimeZone } from './timezone';
import { FEED_LIMITS, tooManyRows } from './report';
import { acceptEntries, emptyReport, type AcceptOptions, type Candidate, type ParsedFeed, type ValidationReport } from './validate';

/**
 * CSV as spreadsheets and form tools (Google Forms, Microsoft Forms, Excel, HR systems) export it:
 * columns are found by what their headers say, multi-value cells are split on ";" "," "|" or new
 * lines, and a level or priority may follow a skill in brackets: "Python (expert); Canva". Every
 * cell is read in time linear in its length (no backtracking pattern on feed text). See
 * docs/directory-feed.md.
 */
type Field =
  | 'consentDate'
  | 'updatedAt'
  | 'expiresAt'
  | 'consent'
  | 'optOut'
  | 'email'
  | 'contact'
  | 'firstName'
  | 'lastName'
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

/**
 * How a header names a field, on its words (lower case, letters and digits only): `exact` is the
 * whole header, `any` a run of words anywhere in it, `both` one phrase of each list anywhere.
 */
interface HeaderRule {
  field: Field;
  exact?: readonly string[];
  any?: readonly string[];
  both?: readonly [readonly string[], readonly string[]];
  prefix?: readonly string[];
}

/** Tried in order: the first rule that matches names the column. */
const HEADER_RULES: readonly HeaderRule[] = [
  {
    field: 'consentDate',
    any: ['consent date', 'consent time', 'consent timestamp', 'date of consent', 'consent given on', 'consented on', 'consented at', 'opt in date', 'opted in on', 'opted in at', 'optin date', 'date consented'],
  },
  { field: 'updatedAt', exact: ['updated', 'updated at', 'updated on', 'last updated', 'last modified', 'last modified time', 'last changed', 'modified', 'modified time'] },
  { field: 'expiresAt', any: ['expires', 'expire', 'expiry', 'expiration', 'valid until', 'listed until'] },
  // Google Forms' "Timestamp" as its German, French, Spanish and Portuguese forms write it.
  { field: 'consentDate', any: ['timestamp', 'zeitstempel', 'horodateur', 'marca temporal', 'carimbo de data hora'] },
  { field: 'consentDate', exact: ['completion time', 'submitted', 'submitted at', 'submitted on', 'submission date', 'submission time', 'date submitted'] },
  { field: 'consent', any: ['consent', 'agree', 'opt in', 'opted in', 'optin', 'permission', 'happy to be listed', 'list me', 'be listed', 'include me'] },
  { field: 'email', any: ['email', 'e mail', 'mail address'] },
  { field: 'contact', any: ['contact', 'slack', 'teams handle', 'chat handle', 'handle', 'profile url', 'linkedin'] },
  { field: 'firstName', any: ['first name', 'given name', 'forename', 'first names'], exact: ['first'] },
  { field: 'lastName', any: ['last name', 'surname', 'family name'], exact: ['last'] },
  { field: 'name', exact: ['name', 'your name', 'display name', 'preferred name'], any: ['full name'], prefix: ['name'] },
  // Skill questions often mention a level or a job: they are read before title and career stage.
  { field: 'ask', any: ['concrete ask', 'ask', 'help with'] },
  { field: 'learn', any: ['learn', 'learning', 'develop', 'grow', 'want to get better', 'skill i want', 'skills i want', 'skill you want', 'skills you want', 'skill i need', 'skills i need', 'skill you need', 'skills you need'] },
  { field: 'teach', any: ['teach', 'share', 'offer', 'mentor others', 'expertise', 'good at', 'skill i can', 'skills i can', 'skill you can', 'skills you can'] },
  { field: 'title', any: ['job title', 'title', 'role', 'position', 'job'] },
  { field: 'department', any: ['department', 'dept', 'team', 'business unit', 'function', 'division', 'org'] },
  { field: 'timeZone', any: ['time zone', 'timezone', 'tz'] },
  { field: 'formats', any: ['format', 'formats', 'how would you like to meet', 'meet', 'meeting'] },
  { field: 'location', any: ['location', 'office', 'city', 'country', 'based', 'site', 'where'] },
  { field: 'careerStage', any: ['career', 'seniority', 'stage', 'level', 'grade'] },
  { field: 'languages', any: ['language', 'languages'] },
  { field: 'interests', any: ['interest', 'interests', 'hobbies', 'outside work'] },
  { field: 'ergs', any: ['erg', 'ergs', 'employee resource', 'resource group', 'resource groups', 'network', 'networks', 'communities', 'community', 'affinity'] },
  { field: 'capacity', any: ['capacity', 'how many', 'number of', 'mentees'] },
  { field: 'status', any: ['status', 'accepting', 'available', 'availability'] },
];

/** Only this much of a header is read to recognise it; no question is longer. */
const MAX_HEADER = 300;

/** Lower-case words separated by single spaces. */
function words(text: string): string {
  return text
    .slice(0, MAX_HEADER)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function matches(rule: HeaderRule, header: string): boolean {
  const spaced = ` ${header} `;
  const has = (phrases: readonly string[]) => phrases.some((phrase) => spaced.includes(` ${phrase} `));
  return Boolean(
    rule.exact?.includes(header) ||
      (rule.any && has(rule.any)) ||
      (rule.both && has(rule.both[0]) && has(rule.both[1])) ||
      rule.prefix?.some((phrase) => header.startsWith(`${phrase} `)),
  );
}

/** Consent questions asked the other way round ("Leave me out of the directory") are read as opt-out, never as opt-in. */
const CONSENT_WORDS = ['consent', 'agree', 'opt in', 'opt out', 'optin', 'optout', 'permission', 'listed', 'list me', 'include', 'included', 'exclude', 'excluded', 'leave me out', 'directory'];

interface Column {
  index: number;
  /** The header as the maintainer wrote it. */
  header: string;
  /** Google Forms' grid questions: "What can you teach? [Python]" has the option "Python". */
  option?: string;
}

function splitGridHeader(header: string): { question: string; option?: string } {
  const trimmed = header.trim();
  const open = trimmed.endsWith(']') ? trimmed.lastIndexOf('[') : -1;
  const option = open > 0 ? trimmed.slice(open + 1, -1).trim() : '';
  return option ? { question: trimmed.slice(0, open), option } : { question: trimmed };
}

function fieldOf(question: string): Field | undefined {
  const header = words(question);
  if (!header) return undefined;
  if (CONSENT_WORDS.some((phrase) => ` ${header} `.includes(` ${phrase} `)) && isOptOutQuestion(question.slice(0, MAX_HEADER))) return 'optOut';
  return HEADER_RULES.find((rule) => matches(rule, header))?.field;
}

/** Fields a grid question can feed: each option is an item, its answer a level, a priority or a yes. */
const GRID_FIELDS = new Set<Field>(['teach', 'learn', 'languages', 'interests', 'ergs', 'formats']);

/** Each field → the columns that feed it (the first non-empty cell wins, e.g. Microsoft Forms' "Name" then "Full name"). */
export function mapColumns(headers: readonly string[]): { columns: Map<Field, Column[]>; ignored: string[] } {
  const columns = new Map<Field, Column[]>();
  const ignored: string[] = [];
  headers.forEach((header, index) => {
    const { question, option } = splitGridHeader(header);
    const gridField = option ? fieldOf(question) : undefined;
    // A bracket after another question ("Email [work]") is part of its header, not a grid option.
    const grid = gridField !== undefined && GRID_FIELDS.has(gridField);
    const field = grid ? gridField : fieldOf(header);
    if (!field) {
      if (words(header) && words(header) !== 'id') ignored.push(shorten(header, 60));
      return;
    }
    const column: Column = { index, header: header.trim(), ...(grid && option ? { option } : {}) };
    const list = columns.get(field);
    if (list) list.push(column);
    else columns.set(field, [column]);
  });
  return { columns, ignored };
}

/** Splits a multi-value cell on ; , | • and new lines, but not inside brackets: "Excel (advanced, VBA)". */
export function splitList(cell: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < cell.length; i++) {
    const char = cell[i]!;
    if (char === '(' || char === '[') depth++;
    else if ((char === ')' || char === ']') && depth > 0) depth--;
    else if (depth === 0 && ';,|•\n\r'.includes(char)) {
      items.push(cell.slice(start, i));
      start = i + 1;
    }
  }
  items.push(cell.slice(start));
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

/** A bracket's word without a trailing "level" or "priority": "High priority" → "high". */
function qualifierWord(text: string): string {
  const lower = text.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const suffix of [' priority', ' level']) if (lower.endsWith(suffix)) return lower.slice(0, -suffix.length).trim();
  return lower;
}

/** "Python (expert)" → ["Python", "expert"]; an unknown bracket stays part of the name: "C (language)". */
function splitQualifier(item: string, known: Record<string, string>): [string, string | undefined] {
  const close = item.at(-1);
  if (close !== ')' && close !== ']') return [item, undefined];
  const open = item.lastIndexOf(close === ')' ? '(' : '[');
  if (open <= 0) return [item, undefined];
  const word = known[qualifierWord(item.slice(open + 1, -1))];
  const name = item.slice(0, open).trim();
  return word && name ? [name, word] : [item, undefined];
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
  const lower = cell.slice(0, 200).toLowerCase();
  return STAGES.find(([, rule]) => rule.test(lower))?.[0] ?? cell;
}

const FORMATS: readonly (readonly [string, RegExp])[] = [
  ['in-person', /person|face|office|coffee/],
  ['video', /video|zoom|meet|teams call|call online|online/],
  ['phone', /phone|call/],
  ['chat', /chat|slack|message|messaging|teams|text/],
];

function meetingFormat(item: string): string {
  const lower = item.slice(0, 200).toLowerCase();
  return FORMATS.find(([, rule]) => rule.test(lower))?.[0] ?? item;
}

function capacity(cell: string): unknown {
  let digits = 0;
  const trimmed = cell.trimStart();
  while (digits < trimmed.length && trimmed[digits]! >= '0' && trimmed[digits]! <= '9') digits++;
  return digits ? Number(trimmed.slice(0, digits)) : cell;
}

function status(cell: string): string {
  const lower = cell.slice(0, 20).toLowerCase();
  if (/^(?:yes|open|accepting|available)/.test(lower)) return 'open';
  if (/^(?:no|paused|full|not)/.test(lower)) return 'paused';
  return cell;
}

/** Rows read at most to tell the delimiter. */
const SNIFF_ROWS = 20;

/**
 * The delimiter: the one of , ; tab that splits the first rows (outside quotes) into the same
 * number of cells as the header, so a ";" export whose questions contain commas is read as ";".
 */
function detectDelimiter(text: string): string {
  const candidates = [',', ';', '\t'] as const;
  /** Per row: how many commas, semicolons and tabs it has outside quotes. */
  const rows: [number, number, number][] = [];
  let current: [number, number, number] = [0, 0, 0];
  let quoted = false;
  for (let i = 0; i < text.length && rows.length < SNIFF_ROWS; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) quoted = !quoted;
    else if (quoted) continue;
    else if (code === 0x0a) {
      rows.push(current);
      current = [0, 0, 0];
    } else if (code === 0x2c) current[0]++;
    else if (code === 0x3b) current[1]++;
    else if (code === 0x09) current[2]++;
  }
  if (rows.length < SNIFF_ROWS) rows.push(current);
  const [header, ...data] = rows;
  const score = (at: number) => {
    const width = header![at]!;
    return width ? data.filter((row) => row[at] === width).length * 1000 + width : 0;
  };
  let best = 0;
  for (const at of [1, 2]) if (score(at) > score(best)) best = at;
  return candidates[best]!;
}

/** Excel's "sep=;" first line names the delimiter; it is not the header. */
function explicitDelimiter(text: string): { delimiter?: string; body: string } {
  const match = /^"?sep=(.)"?\r?\n/i.exec(text.slice(0, 12));
  return match ? { delimiter: match[1]!, body: text.slice(match[0].length) } : { body: text };
}

const DATE_FIELDS = ['consentDate', 'updatedAt', 'expiresAt'] as const;

/** Problems kept per kind of row note; the rest are counted. */
const NOTES_KEPT = 5;

/** Per-row warnings (a time zone not understood…): the first few of each kind, then a count. */
class RowNotes {
  private readonly kept = new Map<string, string[]>();
  private readonly more = new Map<string, number>();

  add(kind: string, message: string): void {
    const kept = this.kept.get(kind) ?? [];
    if (kept.length < NOTES_KEPT) this.kept.set(kind, [...kept, message]);
    else this.more.set(kind, (this.more.get(kind) ?? 0) + 1);
  }

  into(report: ValidationReport, describe: (kind: string, more: number) => string): void {
    for (const [kind, messages] of this.kept) {
      report.warnings.push(...messages);
      const more = this.more.get(kind);
      if (more) report.warnings.push(describe(kind, more));
    }
  }
}

/** Distinct consent answers kept for the report; the rest are counted together. */
const ANSWERS_KEPT = 10;

interface ReadContext {
  columns: Map<Field, Column[]>;
  dayOrder: Partial<Record<Field, DayOrder>>;
  notes: RowNotes;
  /** Consent answers read as "no" because they were not understood, with their counts. */
  unrecognized: Map<string, number>;
  hasOptIn: boolean;
}

/** Cells of a grid question: each answered option is one item, its answer its level or priority. */
function gridItems(field: Field, cells: readonly string[], grid: readonly Column[]): unknown[] {
  const items: unknown[] = [];
  for (const column of grid) {
    const answer = cells[column.index]?.trim() ?? '';
    if (!answer || readConsentAnswer(answer) === 'no') continue;
    const name = column.option!;
    if (field === 'teach') items.push({ name, level: LEVEL_WORDS[qualifierWord(answer)] ?? 'intermediate' });
    else if (field === 'learn') items.push({ name, priority: PRIORITY_WORDS[qualifierWord(answer)] ?? 'medium', ask: '' });
    else items.push(field === 'formats' ? meetingFormat(name) : name);
  }
  return items;
}

function rowToCandidate(cells: readonly string[], row: number, context: ReadContext): Candidate {
  const { columns } = context;
  const from: Record<string, string> = {};
  const cell = (field: Field, target: string = field): string | undefined => {
    const sources = (columns.get(field) ?? []).filter((column) => !column.option);
    // Microsoft Forms fills its own "Email" column with "anonymous": prefer a cell that is an address.
    const filled = sources.filter((column) => cells[column.index]?.trim());
    const chosen = field === 'email' ? (filled.find((column) => cells[column.index]!.includes('@')) ?? filled[0]) : filled[0];
    // A blank cell still names its column, so "Missing" says which column to fill in.
    const named = chosen ?? sources[0];
    if (named) from[target] ??= named.header;
    return chosen ? cells[chosen.index]!.trim() : undefined;
  };
  const list = (field: Field, toItems: (cell: string) => unknown[]) => {
    const value = cell(field);
    const grid = (columns.get(field) ?? []).filter((column) => column.option);
    const items = [...(value === undefined ? [] : toItems(value)), ...gridItems(field, cells, grid)];
    if (grid.length && items.length && !from[field]) from[field] = splitGridHeader(grid[0]!.header).question.trim();
    return value === undefined && !items.length ? undefined : items;
  };
  const date = (field: (typeof DATE_FIELDS)[number], target: string) => {
    const value = cell(field, target);
    return value === undefined ? undefined : normaliseDate(value, context.dayOrder[field]);
  };
  const consentDate = date('consentDate', 'consent');
  // Problems with either date name the column they come from, or the column that is missing.
  from.consent ??= 'Consent date';
  if (!columns.has('updatedAt')) from.updatedAt = from.consent;
  const stage = cell('careerStage');
  const status_ = cell('status');
  const fullName = cell('name');
  const parts = [cell('firstName', 'name'), cell('lastName', 'name')].filter(Boolean);
  // A name made of two columns is named by both.
  const nameColumns = (['firstName', 'lastName'] as const).flatMap((field) => columns.get(field)?.[0]?.header ?? []);
  if (!columns.has('name') && nameColumns.length) from.name = nameColumns.join(' + ');
  return {
    at: { row },
    columns: from,
    value: withoutUndefined({
      name: fullName ?? (parts.length ? parts.join(' ') : undefined),
      email: cell('email'),
      contact: cell('contact'),
      title: cell('title'),
      department: cell('department'),
      location: cell('location'),
      timeZone: timeZone(cell('timeZone'), row, from.timeZone, context.notes),
      careerStage: stage === undefined ? undefined : careerStage(stage),
      languages: list('languages', splitList),
      teach: list('teach', teachItems) ?? [],
      learn: list('learn', (value) => learnItems(value, cell('ask'))) ?? [],
      interests: list('interests', splitList),
      ergs: list('ergs', splitList),
      formats: list('formats', (value) => splitList(value).map(meetingFormat)),
      // A sheet without a capacity column lists people for one partner each.
      capacity: columns.has('capacity') ? capacity(cell('capacity') ?? '') : 1,
      status: status_ === undefined ? undefined : status(status_),
      consent: { optedIn: consentOf(cell('consent', 'consentAnswer'), cell('optOut', 'optOutAnswer'), context), date: consentDate },
      expiresAt: date('expiresAt', 'expiresAt'),
      updatedAt: date('updatedAt', 'updatedAt') ?? consentDate,
    }),
  };
}

/** An explicit, recognised yes in the opt-in column, and no yes (nor anything unclear) in an opt-out column. */
function consentOf(optIn: string | undefined, optOut: string | undefined, context: ReadContext): boolean {
  const note = (answer: string) => {
    const shown = shorten(answer, 80);
    if (context.unrecognized.has(shown) || context.unrecognized.size < ANSWERS_KEPT) context.unrecognized.set(shown, (context.unrecognized.get(shown) ?? 0) + 1);
    else context.unrecognized.set('', (context.unrecognized.get('') ?? 0) + 1);
  };
  if (!context.hasOptIn) return false;
  const yes = readConsentAnswer(optIn ?? '');
  if (yes === 'unrecognized') note(optIn!);
  if (yes !== 'yes') return false;
  if (optOut === undefined) return true;
  const out = readConsentAnswer(optOut);
  if (out === 'unrecognized') note(optOut);
  return out === 'no';
}

/** An IANA zone for the cell, or nothing (UTC) with a note saying why. */
function timeZone(cell: string | undefined, row: number, header: string | undefined, notes: RowNotes): string | undefined {
  if (cell === undefined) return undefined;
  const reading = readTimeZone(cell);
  if ('zone' in reading) return reading.zone;
  const where = `Row ${row}, column '${header ?? 'Time zone'}': '${shorten(cell)}'`;
  if ('ambiguous' in reading) notes.add('zone', `${where} could mean several time zones (${reading.ambiguous.join(', ')}) — write the city's zone, such as ${reading.ambiguous[0]}. Listed as UTC meanwhile.`);
  else notes.add('zone', `${where} is not a time zone Mutual knows — write one such as Europe/Berlin, America/New_York or UTC+02:00. Listed as UTC meanwhile.`);
  return undefined;
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined));
}

function headerOf(columns: Map<Field, Column[]>, field: Field): string {
  return columns.get(field)?.[0]?.header ?? field;
}

const DATE_HEADER_WORDS = ['date', 'time', 'timestamp', 'submitted', 'modified', 'updated', 'expires', 'until'];

/** The dates of some columns, read together: if any can only be day-first, all are, and likewise month-first. */
function datesOf(rows: readonly string[][], indexes: readonly number[]) {
  return columnDates((function* () {
    for (const cells of rows) for (const index of indexes) yield cells[index];
  })());
}

/**
 * How each date column is read, with a warning for a column that stays ambiguous. A column that
 * cannot tell on its own follows the file's other date columns (Microsoft Forms' "Start time",
 * written in the same format), when those tell.
 */
function readDateColumns(rows: readonly string[][], headers: readonly string[], columns: Map<Field, Column[]>, report: ValidationReport): Partial<Record<Field, DayOrder>> {
  const orders: Partial<Record<Field, DayOrder>> = {};
  let fileWide: ColumnDates | undefined;
  for (const field of DATE_FIELDS) {
    const sources = columns.get(field);
    if (!sources) continue;
    let dates = datesOf(rows, sources.map((column) => column.index));
    if (dates.ambiguous && !dates.mixed) {
      fileWide ??= datesOf(rows, headers.flatMap((header, index) => (DATE_HEADER_WORDS.some((word) => ` ${words(header)} `.includes(` ${word} `)) ? [index] : [])));
      if (!fileWide.ambiguous && !fileWide.mixed && fileWide.order !== 'earliest') dates = fileWide;
    }
    orders[field] = dates.order;
    const header = `'${shorten(headerOf(columns, field), 60)}'`;
    if (dates.mixed) {
      report.warnings.push(`Column ${header} mixes day-first and month-first dates: each date that could be read both ways is read as the earlier one. Write dates as 2026-10-14.`);
    } else if (dates.ambiguous) {
      report.warnings.push(`Column ${header} has dates such as 03/04/2026 that could be day-first or month-first, and nothing in the file tells: each is read as the earlier of the two, so consent never lasts longer than given. Write dates as 2026-10-14.`);
    }
  }
  return orders;
}

function unrecognizedWarning(answers: Map<string, number>): string | undefined {
  if (!answers.size) return undefined;
  const others = answers.get('') ?? 0;
  const listed = [...answers].filter(([answer]) => answer).map(([answer, n]) => `'${answer}' (${count(n, 'row')})`);
  const more = others ? `, and ${count(others, 'other row')}` : '';
  return `Consent answers Mutual did not understand, read as "no": ${listed.join(', ')}${more}. Use a clear "Yes" option (or "I agree to be listed") in the form.`;
}

export function parseCsvFeed(text: string, options: AcceptOptions): ParsedFeed {
  const { delimiter, body } = explicitDelimiter(text.replace(/^\uFEFF/, ''));
  const parsed = Papa.parse<string[]>(body, { delimiter: delimiter ?? detectDelimiter(body), skipEmptyLines: false });
  const [written, ...allRows] = parsed.data;
  if (!written || written.every((header) => !header.trim())) throw new FeedFormatError('The CSV file is empty: it needs a header row and one row per person.');
  if (written.length > FEED_LIMITS.columns) {
    throw new FeedFormatError(`This file has ${written.length} columns; Mutual reads at most ${FEED_LIMITS.columns}. Export only the form's questions, or delete the columns that are not about mentoring.`);
  }
  const headers = written.map((header) => header.slice(0, FEED_LIMITS.headerChars));
  const rows = allRows.length > FEED_LIMITS.rows ? allRows.slice(0, FEED_LIMITS.rows) : allRows;
  const { columns, ignored } = mapColumns(headers);
  if (!columns.has('email')) {
    throw new FeedFormatError(`This CSV has no email column: add one with a header such as "Email address". The headers found were: ${headers.slice(0, 8).map((header) => `'${shorten(header, 40)}'`).join(', ')}${headers.length > 8 ? '…' : ''}.`);
  }
  const report = emptyReport();
  if (rows.length < allRows.length) report.warnings.push(tooManyRows(allRows.length));
  const hasOptIn = columns.has('consent');
  if (!hasOptIn && columns.has('optOut')) {
    report.warnings.push(`Column '${shorten(headerOf(columns, 'optOut'), 60)}' asks who wants to be left out: Mutual lists only people who said yes to being listed, so nobody in this file is listed. Ask "I agree to be listed in the directory" instead.`);
  } else if (!hasOptIn) {
    report.warnings.push('No consent column (such as "I agree to be listed"): nobody in this file has opted in.');
  }
  if (!columns.has('consentDate')) {
    report.warnings.push('No date column (such as "Timestamp" or "Consent date"): Mutual needs to know when each person agreed, so no row can be listed.');
  }
  if (ignored.length) report.warnings.push(`${ignored.length === 1 ? 'Column' : 'Columns'} not used: ${ignored.slice(0, 20).join(', ')}${ignored.length > 20 ? ` and ${ignored.length - 20} more` : ''}`);
  // Row 1 is the header (after Excel's "sep=" line, when there is one), so data row i is spreadsheet row i + 2 (+ 1).
  const firstRow = delimiter ? 3 : 2;
  // Papa counts the header as row 0.
  for (const error of parsed.errors.slice(0, 5)) {
    if (error.row !== undefined) report.warnings.push(`Row ${error.row + firstRow - 1}: ${error.code === 'MissingQuotes' ? 'a quoted cell is never closed, so the rest of the file is read as that one cell' : error.message}`);
  }
  const context: ReadContext = { columns, dayOrder: readDateColumns(rows, headers, columns, report), notes: new RowNotes(), unrecognized: new Map(), hasOptIn };

  function* candidates(): Generator<Candidate> {
    for (const [i, cells] of rows.entries()) {
      if (cells.every((cell) => !cell.trim())) continue;
      yield rowToCandidate(cells, i + firstRow, context);
    }
  }
  const accepted = acceptEntries(candidates(), options, report);
  const unrecognized = unrecognizedWarning(context.unrecognized);
  if (unrecognized) report.warnings.push(unrecognized);
  context.notes.into(report, (_kind, more) => `…and ${count(more, 'more row')} whose time zone was not understood, listed as UTC.`);
  return accepted;
}
