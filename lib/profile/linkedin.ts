import Papa from 'papaparse';
import { applyDraft, teachRow, type ProfileDraft } from './draft';
import { MAX_SKILLS, ProfileSchema, TeachSkillSchema, type Profile, type TeachSkill } from './model';
import { asTyped, skillKey, type CanonicalSkillName } from './skill-names';

/** What Mutual takes from a LinkedIn data export (Settings → Data privacy → Get a copy of your data). */
export interface LinkedInData {
  name?: string;
  title?: string;
  location?: string;
  skills: string[];
  /** One line per file that was not used, and why. */
  notes: string[];
}

export class LinkedInImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LinkedInImportError';
  }
}

export interface NamedText {
  name: string;
  text: string;
}

type Row = Record<string, string>;

/** Profile.csv is told from Connections.csv (which also has "First Name") by its own columns. */
const PROFILE_COLUMNS = ['Headline', 'Geo Location'];

/**
 * Rows under the header, wherever it is: LinkedIn puts a "Notes:" preamble (a quoted note and a
 * blank line) above the header of some files, and some tools write a byte-order mark.
 */
function csvRows(text: string): { header: string[]; rows: Row[] } | undefined {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const cells = parsed.data.map((row) => row.map((cell) => cell.trim()));
  const headerAt = cells.findIndex((row) => row.includes('Name') || row.includes('First Name'));
  if (headerAt < 0) return undefined;
  const header = cells[headerAt]!;
  const rows = cells.slice(headerAt + 1).map((row) => Object.fromEntries(header.map((column, i) => [column, row[i] ?? ''])));
  return { header, rows };
}

/** "Senior Data Analyst at Northwind | Mentor" → "Senior Data Analyst": the job title, without the employer. */
export function titleFromHeadline(headline: string): string {
  // White space made single first: a run of it then cannot make the split's search quadratic.
  return headline.replace(/\s+/g, ' ').split(/ (?:\||•|·|at|@) /i)[0]!.trim();
}

function fileKind(header: string[] | undefined): 'profile' | 'skills' | undefined {
  if (!header) return undefined;
  if (header.includes('First Name') && PROFILE_COLUMNS.some((column) => header.includes(column))) return 'profile';
  // Skills.csv has the one column; Languages.csv, Courses.csv, ... have "Name" and more.
  const columns = header.filter(Boolean);
  return columns.length === 1 && columns[0] === 'Name' ? 'skills' : undefined;
}

function isZip(file: NamedText): boolean {
  return /\.zip$/i.test(file.name) || file.text.startsWith('PK\u0003\u0004');
}

/**
 * Reads LinkedIn's Skills.csv and/or Profile.csv (other files of the export are named in `notes`).
 * Throws LinkedInImportError when none of the files is one of them.
 */
export function parseLinkedInExport(files: readonly NamedText[]): LinkedInData {
  const data: LinkedInData = { skills: [], notes: [] };
  let recognised = 0;
  for (const file of files) {
    if (isZip(file)) {
      data.notes.push(`${file.name} is the whole export (a .zip): unzip it and choose Skills.csv and Profile.csv.`);
      continue;
    }
    const table = csvRows(file.text);
    const kind = fileKind(table?.header);
    if (!table || !kind) {
      data.notes.push(`${file.name} is not LinkedIn’s Skills.csv or Profile.csv: not used.`);
      continue;
    }
    recognised += 1;
    if (kind === 'skills') {
      data.skills.push(...table.rows.map((row) => row.Name ?? '').filter(Boolean));
    } else {
      const row = table.rows[0];
      if (!row) {
        data.notes.push(`${file.name} has no profile row.`);
        continue;
      }
      const name = [row['First Name'], row['Last Name']].filter(Boolean).join(' ');
      const title = titleFromHeadline(row.Headline ?? '');
      const location = row['Geo Location'] ?? '';
      Object.assign(data, name && { name }, title && { title }, location && { location });
    }
  }
  if (recognised === 0) {
    throw new LinkedInImportError(
      [`None of the chosen files is LinkedIn’s Skills.csv or Profile.csv.`, ...data.notes].join(' '),
    );
  }
  return data;
}

export type FilledField = 'name' | 'title' | 'location';
type SkippedReason = 'already listed' | 'on your learn list' | 'too long' | 'list full';

export interface LinkedInMerge {
  profile: Profile;
  /** Empty fields that were filled in. */
  filled: FilledField[];
  addedSkills: string[];
  skipped: { name: string; reason: SkippedReason }[];
}

function skipReason(key: string, name: string, taught: ReadonlySet<string>, learning: ReadonlySet<string>, count: number): SkippedReason | undefined {
  if (taught.has(key)) return 'already listed';
  if (learning.has(key)) return 'on your learn list';
  if (!TeachSkillSchema.safeParse({ name, level: 'intermediate' }).success) return 'too long';
  return count >= MAX_SKILLS ? 'list full' : undefined;
}

/**
 * Adds LinkedIn's data to a profile without overwriting anything typed: only empty fields are
 * filled, and skills are added (level intermediate) unless already listed, to teach or to learn,
 * under any spelling the resolver knows. Returns a new profile; updatedAt is the caller's.
 */
export function mergeLinkedIn(profile: Profile, data: LinkedInData, canonical: CanonicalSkillName = asTyped): LinkedInMerge {
  const filled: FilledField[] = [];
  const next: Profile = { ...profile };
  for (const field of ['name', 'title', 'location'] as const) {
    const value = data[field];
    if (value && !profile[field].trim() && ProfileSchema.shape[field].safeParse(value).success) {
      next[field] = value;
      filled.push(field);
    }
  }
  const taught = new Set(profile.teach.map((skill) => skillKey(skill.name, canonical)));
  const learning = new Set(profile.learn.map((skill) => skillKey(skill.name, canonical)));
  const teach: TeachSkill[] = [...profile.teach];
  const addedSkills: string[] = [];
  const skipped: LinkedInMerge['skipped'] = [];
  const seen = new Set<string>();
  for (const text of data.skills) {
    const name = canonical(text);
    const key = skillKey(name, canonical);
    // LinkedIn lists a skill once, but a resolver may merge two spellings: the first one counts.
    if (seen.has(key)) continue;
    seen.add(key);
    const reason = skipReason(key, name, taught, learning, teach.length);
    if (reason) {
      skipped.push({ name, reason });
      continue;
    }
    teach.push({ name, level: 'intermediate' });
    addedSkills.push(name);
  }
  next.teach = teach;
  return { profile: next, filled, addedSkills, skipped };
}

/**
 * The same merge on the form's draft: the draft's valid content decides what is already there, and
 * text still being typed (even invalid) is never replaced.
 */
export function mergeLinkedInIntoDraft(
  draft: ProfileDraft,
  base: Profile,
  data: LinkedInData,
  canonical: CanonicalSkillName = asTyped,
): { draft: ProfileDraft; merge: LinkedInMerge } {
  const merge = mergeLinkedIn(applyDraft(draft, base, { canonical }).profile, data, canonical);
  const next: ProfileDraft = { ...draft, teach: [...draft.teach, ...merge.addedSkills.map((name) => teachRow(name))] };
  for (const field of merge.filled) if (!draft[field].trim()) next[field] = merge.profile[field];
  return { draft: next, merge };
}
