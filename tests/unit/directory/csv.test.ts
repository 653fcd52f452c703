import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedFormatError, parseCsvFeed } from '../../../lib/directory';
import { mapColumns, splitList } from '../../../lib/directory/csv';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf-8');
const options = { now: new Date('2026-11-10T12:00:00Z'), maxAgeDays: 365 };

describe('Google Forms export (BOM, commas, quoted new line, blank row)', () => {
  const parsed = parseCsvFeed(fixture('google-forms.csv'), options);
  const byId = new Map(parsed.entries.map((entry) => [entry.id, entry]));

  it('starts with a BOM, which does not end up in the first header', () => {
    expect(fixture('google-forms.csv').charCodeAt(0)).toBe(0xfeff);
    expect(parsed.report.warnings.join(' ')).not.toContain('Timestamp');
  });

  it('reads a person from form-style headers, splitting lists and levels', () => {
    const zoe = byId.get('zoe.early@example.com')!;
    expect(zoe).toMatchObject({
      name: 'Zoe Early',
      careerStage: 'early',
      timeZone: 'Europe/London',
      languages: ['English'],
      teach: [
        { name: 'TikTok', level: 'expert' },
        { name: 'Short-form video', level: 'intermediate' },
      ],
      learn: [{ name: 'Negotiation', priority: 'high' }],
      capacity: 2,
    });
  });

  it('keeps the newest of two entries whose emails differ only in case, and counts the other', () => {
    // Row 10 (2026-11-07) is newer than row 2 (2026-11-03), so its title wins.
    expect(byId.get('zoe.early@example.com')!.title).toBe('Social Media Lead');
    expect(parsed.report.duplicates).toBe(1);
  });

  it('keeps a quoted multi-line ask as one cell of one row', () => {
    const martin = byId.get('martin.senior@example.com')!;
    expect(martin.learn).toEqual([
      { name: 'TikTok', priority: 'high', ask: 'Understand why our recruiting videos get no views' },
      { name: 'Prompt engineering', priority: 'medium', ask: '' },
    ]);
    expect(martin.consent.date).toBe('2026-11-04T08:15:00.000Z');
  });

  it('never admits rows without consent or with a refusal, and counts them', () => {
    expect(byId.has('no.consent@example.com')).toBe(false);
    expect(byId.has('declined@example.com')).toBe(false);
    expect(parsed.report.notOptedIn).toBe(2);
  });

  it('reports invalid rows by spreadsheet row (header = 1, the blank line counted), field and reason', () => {
    // Row 3 holds a quoted new line, so the spreadsheet row is the record number, not the line number.
    expect(parsed.report.invalid).toEqual(
      expect.arrayContaining([
        {
          row: 7,
          field: 'Career stage',
          code: 'unknown-career-stage',
          message: "'Astronaut' is not a career stage Mutual knows — use Early career, Mid-career, Senior or Executive",
        },
        { row: 7, field: 'How many partners can you take on?', code: 'not-a-number', message: "'lots' is not a number — write how many partners this person can take, 0 to 10" },
        { row: 8, field: 'Email address', code: 'not-an-email', message: "'not-an-email' is not an email address — write one such as name@example.com" },
        { row: 9, field: 'Email address', code: 'not-an-email', message: expect.stringContaining("'<img src=x onerror=alert(1)>@example.com' is not an email address") },
      ]),
    );
    expect(parsed.report.rejected).toBe(3);
    expect(parsed.report).toMatchObject({ total: 8, valid: 2, expired: 0 });
  });
});

describe('Microsoft Forms export (semicolons, CRLF, "anonymous" email, explicit expiry)', () => {
  const parsed = parseCsvFeed(fixture('microsoft-forms.csv'), options);

  it('takes the email from the column that holds an address and the name from the filled column', () => {
    const chidi = parsed.entries.find((entry) => entry.name === 'Chidi Adeyemi');
    expect(chidi).toMatchObject({ id: 'chidi.adeyemi@example.com', careerStage: 'early', capacity: 3, languages: ['English', 'Yoruba'] });
    // Every date in the file could be 3 November or 11 March: the earlier reading, and a warning naming the column.
    expect(chidi!.consent.date).toBe('2026-03-11T14:05:12.000Z');
    expect(parsed.report.warnings).toContainEqual(expect.stringContaining("Column 'Completion time' has dates such as 03/04/2026 that could be day-first or month-first"));
  });

  it('reads semicolon-separated cells with commas inside, and maps meeting formats', () => {
    const helga = parsed.entries.find((entry) => entry.id === 'helga.exec@example.com')!;
    expect(helga.languages).toEqual(['Polish', 'English']);
    expect(helga.careerStage).toBe('executive');
    expect(helga.formats).toEqual(['video']);
  });

  it('hides an entry past its explicit expiry and counts it', () => {
    expect(parsed.entries.map((entry) => entry.id)).not.toContain('old@example.com');
    expect(parsed.report).toMatchObject({ valid: 2, expired: 1, notOptedIn: 0, rejected: 0 });
  });

  it('lists the columns it did not use', () => {
    expect(parsed.report.warnings).toContain('Column not used: Start time');
  });
});

describe('hostile and huge values', () => {
  const header = 'Email address,Full name,Career stage,Languages,What can you teach?,Interests,I agree to be listed,Timestamp';

  it('keeps markup and template syntax as inert text', () => {
    const csv = `${header}\nx@example.com,"<img src=x onerror=alert(1)>",Senior,English,"{{name}} (expert)","{{#each}}",yes,2026-11-01`;
    const [entry] = parseCsvFeed(csv, options).entries;
    expect(entry!.name).toBe('<img src=x onerror=alert(1)>');
    expect(entry!.teach).toEqual([{ name: '{{name}}', level: 'expert' }]);
    expect(entry!.interests).toEqual(['{{#each}}']);
  });

  it('rejects a 100 kB field with its length, without cutting it', () => {
    const huge = 'A'.repeat(100_000);
    const parsed = parseCsvFeed(`${header}\nx@example.com,${huge},Senior,English,Python,,yes,2026-11-01`, options);
    expect(parsed.entries).toEqual([]);
    expect(parsed.report.invalid).toEqual([{ row: 2, field: 'Full name', code: 'too-long', message: 'Too long: 100000 characters (at most 120)' }]);
  });
});

describe('whole-file problems', () => {
  it('refuses a CSV without an email column', () => {
    expect(() => parseCsvFeed('Name,Team\nAda,Data\n', options)).toThrow(FeedFormatError);
  });

  it('refuses an empty file', () => {
    expect(() => parseCsvFeed('\uFEFF', options)).toThrow(/empty/);
  });

  it('warns when there is no consent column: nobody is admitted', () => {
    const parsed = parseCsvFeed('Email,Name,Career stage,Languages\nada@example.com,Ada,Senior,English\n', options);
    expect(parsed.entries).toEqual([]);
    expect(parsed.report.notOptedIn).toBe(1);
    expect(parsed.report.warnings[0]).toMatch(/No consent column/);
  });
});

describe('cells', () => {
  it('splits lists on ; , | and new lines but not inside brackets', () => {
    expect(splitList('Python; Public speaking, Excel (advanced, VBA) | Canva\nNotion')).toEqual([
      'Python',
      'Public speaking',
      'Excel (advanced, VBA)',
      'Canva',
      'Notion',
    ]);
  });

  it('maps the headers the documentation lists', () => {
    const headers = {
      'Opted in on': 'consentDate',
      'Completion time': 'consentDate',
      'Last modified time': 'updatedAt',
      'Listed until': 'expiresAt',
      'Happy to be listed?': 'consent',
      'Work email address': 'email',
      'Your name': 'name',
      'Your ask': 'ask',
      'Skills I want to develop': 'learn',
      'Skills to share': 'teach',
      Expertise: 'teach',
      Role: 'title',
      Team: 'department',
      'Where are you based?': 'location',
      Timezone: 'timeZone',
      Seniority: 'careerStage',
      Level: 'careerStage',
      'Languages you speak': 'languages',
      Hobbies: 'interests',
      Networks: 'ergs',
      'How would you like to meet?': 'formats',
      'How many partners can you take on?': 'capacity',
      'Accepting partners': 'status',
      Slack: 'contact',
    };
    const { columns } = mapColumns(Object.keys(headers));
    const mapped = Object.fromEntries([...columns].flatMap(([field, indexes]) => indexes.map((column) => [Object.keys(headers)[column.index], field])));
    expect(mapped).toEqual(headers);
  });

  it('maps the headers real forms produce', () => {
    const { columns } = mapColumns([
      'Timestamp',
      'Email address',
      'Full name',
      'What can you teach? (and at what level)',
      'What do you want to learn?',
      'Job title',
      'Time zone',
      'I agree to be listed',
      'Consent date',
    ]);
    expect(Object.fromEntries([...columns].map(([field, list]) => [field, list.map((column) => column.index)]))).toEqual({
      consentDate: [0, 8],
      email: [1],
      name: [2],
      teach: [3],
      learn: [4],
      title: [5],
      timeZone: [6],
      consent: [7],
    });
  });
});

describe('consent columns', () => {
  const HEAD = 'Email,Name,Career stage,Languages,Consent date';
  const person = (email: string) => `${email},Ada,Senior,English,2026-11-01`;

  it('never reads an opt-out question as opt-in: alone, it lists nobody and says why', () => {
    const parsed = parseCsvFeed(`${HEAD},Leave me out of the directory\n${person('a@example.com')},No\n${person('b@example.com')},Yes\n`, options);
    expect(parsed.entries).toEqual([]);
    expect(parsed.report.notOptedIn).toBe(2);
    expect(parsed.report.warnings[0]).toBe(
      `Column 'Leave me out of the directory' asks who wants to be left out: Mutual lists only people who said yes to being listed, so nobody in this file is listed. Ask "I agree to be listed in the directory" instead.`,
    );
  });

  it('beside an opt-in question, a yes (or anything unclear) to the opt-out question keeps the person out', () => {
    const csv = `${HEAD},I agree to be listed,Opt out of the directory\n${person('a@example.com')},Yes,\n${person('b@example.com')},Yes,Yes\n${person('c@example.com')},Yes,No\n${person('d@example.com')},Yes,hmm\n`;
    const parsed = parseCsvFeed(csv, options);
    expect(parsed.entries.map((entry) => entry.id)).toEqual(['a@example.com', 'c@example.com']);
    expect(parsed.report.warnings.at(-1)).toMatch(/read as "no": 'hmm' \(1 row\)/);
  });

  it('lists each unrecognized answer once with its count, and counts the rest beyond ten', () => {
    const answers = ['Maybe', 'maybe', 'Maybe', ...Array.from({ length: 12 }, (_, i) => `Option ${i + 1}`)];
    const csv = `${HEAD},Consent\n${answers.map((answer, i) => `${person(`p${i}@example.com`)},${answer}`).join('\n')}\n`;
    const warning = parseCsvFeed(csv, options).report.warnings.at(-1)!;
    expect(warning).toMatch(/^Consent answers Mutual did not understand, read as "no": 'Maybe' \(2 rows\), 'maybe' \(1 row\), 'Option 1' \(1 row\)/);
    expect(warning).toContain("'Option 8' (1 row), and 4 other rows.");
  });

  it('lets the newest row decide even when it is listed first, and the later row when times are missing', () => {
    const head = 'Email,Name,Career stage,Languages,Consent,Timestamp';
    const newerNoFirst = parseCsvFeed(`${head}\na@example.com,Ada,Senior,English,No,2026-11-05\nA@example.com,Ada,Senior,English,Yes,2026-11-01\n`, options);
    expect(newerNoFirst.entries).toEqual([]);
    expect(newerNoFirst.report).toMatchObject({ notOptedIn: 1, duplicates: 1 });
    const noTimes = parseCsvFeed(`${head}\na@example.com,Ada,Senior,English,Yes,2026-11-01\na@example.com,Ada,Senior,English,No thanks,\n`, options);
    expect(noTimes.entries).toEqual([]);
  });

  it('hides an older valid row behind a newer invalid one, and reports the newer one', () => {
    const parsed = parseCsvFeed(`Email,Name,Career stage,Languages,Consent,Timestamp\na@example.com,Ada,Senior,English,Yes,2026-11-01\na@example.com,Ada,Wizard,English,Yes,2026-11-02\n`, options);
    expect(parsed.entries).toEqual([]);
    expect(parsed.report.invalid).toEqual([expect.objectContaining({ row: 3, field: 'Career stage', code: 'unknown-career-stage' })]);
  });
});

describe('dates per column', () => {
  const HEAD = 'Email,Name,Career stage,Languages,Consent,Consent date';

  it('reads a whole column day-first when one date can only be day-first', () => {
    const parsed = parseCsvFeed(`${HEAD}\na@example.com,A,Senior,English,Yes,03/04/2026\nb@example.com,B,Senior,English,Yes,25/04/2026\n`, options);
    expect(parsed.entries.map((entry) => entry.consent.date)).toEqual(['2026-04-03T00:00:00.000Z', '2026-04-25T00:00:00.000Z']);
    expect(parsed.report.warnings).toEqual([]);
  });

  it('warns about a column that mixes both orders', () => {
    const parsed = parseCsvFeed(`${HEAD}\na@example.com,A,Senior,English,Yes,13/04/2026\nb@example.com,B,Senior,English,Yes,04/13/2026\n`, options);
    expect(parsed.report.warnings).toEqual([expect.stringMatching(/^Column 'Consent date' mixes day-first and month-first dates/)]);
  });
});

describe('names, delimiters and files', () => {
  it('joins First name and Last name when there is no full name, and names both in a problem', () => {
    const parsed = parseCsvFeed('Email,First name,Surname,Career stage,Languages,Consent,Timestamp\na@example.com,Ada,Lovelace,Senior,English,Yes,2026-11-01\nb@example.com,,,Senior,English,Yes,2026-11-01\n', options);
    expect(parsed.entries.map((entry) => entry.name)).toEqual(['Ada Lovelace']);
    expect(parsed.report.invalid).toEqual([{ row: 3, field: 'First name + Surname', code: 'missing', message: 'Missing — every person needs a name' }]);
  });

  it('reads a bracket after a question that is no grid as part of its header', () => {
    const parsed = parseCsvFeed('Email [work],Name,Career stage,Languages,Consent [required],Timestamp\na@example.com,Ada,Senior,English,Yes,2026-11-01\n', options);
    expect(parsed.entries.map((entry) => entry.id)).toEqual(['a@example.com']);
  });

  it('reads tab-separated text', () => {
    const parsed = parseCsvFeed('Email\tName\tCareer stage\tLanguages\tConsent\tTimestamp\na@example.com\tAda, Countess\tSenior\tEnglish\tYes\t2026-11-01\n', options);
    expect(parsed.entries[0]!.name).toBe('Ada, Countess');
  });

  it('says a file without a date column cannot list anyone, and names the missing column in each row', () => {
    const parsed = parseCsvFeed('Email,Name,Career stage,Languages,Consent\na@example.com,Ada,Senior,English,Yes\n', options);
    expect(parsed.report.warnings[0]).toMatch(/^No date column \(such as "Timestamp" or "Consent date"\)/);
    expect(parsed.report.invalid).toEqual([{ row: 2, field: 'Consent date', code: 'missing', message: 'Missing — a date is needed, such as 2026-10-14' }]);
  });

  it('says which headers it found when there is no email column', () => {
    expect(() => parseCsvFeed('Name;Team\nAda;Data\n', options)).toThrow("This CSV has no email column: add one with a header such as \"Email address\". The headers found were: 'Name', 'Team'.");
  });
});
