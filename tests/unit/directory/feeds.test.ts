import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedFormatError, parseFeed, parseFeedBytes } from '../../../lib/directory';

/** Files as the tools write them: see tests/fixtures/feeds/README.md for how each one is made. */
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/feeds', name)));
const options = { now: new Date('2026-11-10T12:00:00Z'), maxAgeDays: 365 };
const read = (name: string) => parseFeedBytes(bytesOf(name), { ...options, name });
const byId = (name: string) => new Map(read(name).entries.map((entry) => [entry.id, entry]));

describe('Google Forms: Download responses (.csv)', () => {
  const parsed = read('google-forms-responses.csv');
  const people = byId('google-forms-responses.csv');

  it('lets a resubmitted "No" remove the person who said yes before, and says so honestly', () => {
    expect(people.has('amara.okafor@acme.example')).toBe(false);
    expect([...people.keys()]).toEqual(['bjorn.lindqvist@acme.example', 'chen.wei@acme.example']);
    expect(parsed.report).toMatchObject({ total: 6, valid: 2, notOptedIn: 3, duplicates: 1, rejected: 0 });
  });

  it('reads the ticked checkbox sentence with its withdraw clause as consent', () => {
    expect(people.get('chen.wei@acme.example')!.consent).toEqual({ optedIn: true, date: '2026-10-15T14:48:02.000Z' });
  });

  it('joins First name and Last name, and reads grid questions as skill and level', () => {
    expect(people.get('bjorn.lindqvist@acme.example')).toMatchObject({
      name: 'Björn Lindqvist',
      teach: [
        { name: 'Public speaking', level: 'advanced' },
        { name: 'Negotiation', level: 'expert' },
      ],
      learn: [
        { name: 'TikTok', priority: 'high', ask: '' },
        { name: 'Python', priority: 'low', ask: '' },
      ],
      formats: ['in-person'],
    });
  });

  it('maps free-text time zones to IANA zones', () => {
    expect(people.get('bjorn.lindqvist@acme.example')!.timeZone).toBe('Europe/Berlin');
    expect(people.get('chen.wei@acme.example')!.timeZone).toBe('Australia/Sydney');
  });

  it('lists each consent answer it did not understand once, with its count, and warns about an ambiguous zone per row', () => {
    expect(parsed.report.warnings).toContain(
      `Consent answers Mutual did not understand, read as "no": 'Maybe later' (1 row). Use a clear "Yes" option (or "I agree to be listed") in the form.`,
    );
    expect(parsed.report.warnings).toContainEqual(expect.stringMatching(/^Row 6, column 'Time zone': 'IST' could mean several time zones \(Asia\/Kolkata, Europe\/Dublin, Asia\/Jerusalem\)/));
  });
});

describe('Microsoft Forms, opened in Excel and saved as CSV UTF-8', () => {
  const parsed = read('microsoft-forms-excel.csv');

  it('reads US dates month-first because one of them can only be', () => {
    const gabriel = parsed.entries.find((entry) => entry.id === 'gabriel.santos@acme.example')!;
    expect(gabriel.consent.date).toBe('2026-10-13T09:05:00.000Z');
    expect(gabriel).toMatchObject({ name: 'Gabriel Santos', careerStage: 'early', capacity: 2, timeZone: 'America/Sao_Paulo' });
    expect(parsed.report.warnings.join(' ')).not.toMatch(/day-first or month-first/);
  });

  it("names the row, the column as written, the value and what would work", () => {
    expect(parsed.report.invalid).toEqual([
      { row: 4, field: 'Capacity', code: 'not-a-number', message: "'lots' is not a number — write how many partners this person can take, 0 to 10" },
      { row: 5, field: 'Seniority', code: 'unknown-career-stage', message: "'Astronaut' is not a career stage Mutual knows — use Early career, Mid-career, Senior or Executive" },
    ]);
    expect(parsed.report).toMatchObject({ total: 5, valid: 2, rejected: 2, notOptedIn: 1 });
  });

  it('maps a Windows time zone list to its zone', () => {
    expect(parsed.entries.find((entry) => entry.id === 'hana.sato@acme.example')!.timeZone).toBe('Asia/Tokyo');
  });
});

describe('Excel in German (de-DE): Windows-1252, ";" and question headers with commas', () => {
  const parsed = read('excel-de-DE.csv');

  it('finds ";" although the headers hold more commas, and decodes the accents, with a warning naming the encoding', () => {
    expect(parsed.entries.map((entry) => entry.name)).toEqual(['Jürgen Müller', 'Zoë Weiß']);
    expect(parsed.entries[0]!.teach).toEqual([
      { name: 'Controlling', level: 'expert' },
      { name: 'Excel (advanced, VBA)', level: 'intermediate' },
    ]);
    expect(parsed.report.warnings[0]).toMatch(/read as Windows-1252/);
  });

  it('reads dotted dates day-first, and "Ja"/"Nein" as yes and no', () => {
    expect(parsed.entries[0]!.consent.date).toBe('2026-10-14T09:03:00.000Z');
    expect(parsed.report.notOptedIn).toBe(1);
  });
});

describe('Excel in French (fr-FR) with its "sep=;" first line', () => {
  const parsed = read('excel-fr-FR-sep.csv');

  it('uses the named delimiter and numbers rows as the spreadsheet does (the sep line is row 1)', () => {
    expect(parsed.entries.map((entry) => entry.name)).toEqual(['Amélie Lefèvre', 'François Garçon']);
    expect(parsed.report.invalid).toEqual([
      { row: 5, field: 'Adresse e-mail (Email)', code: 'not-an-email', message: "'francois at acme' is not an email address — write one such as name@example.com" },
    ]);
  });

  it('reads the slash dates day-first because one of them can only be', () => {
    const francois = parsed.entries.find((entry) => entry.name === 'François Garçon')!;
    expect(francois.consent.date).toBe('2026-11-02T10:00:00.000Z');
    expect(francois.expiresAt).toBe('2026-12-01T00:00:00.000Z');
  });
});

describe('Excel (en-US) "CSV (Comma delimited)": Windows-1252', () => {
  it('decodes curly quotes and accents as Windows-1252', () => {
    const parsed = read('excel-en-US.csv');
    expect(parsed.entries.map((entry) => entry.name)).toEqual(['José Núñez', 'Chloé O’Brien']);
    expect(parsed.entries[1]!.consent.date).toBe('2026-10-28T00:00:00.000Z');
  });
});

describe('Google Sheets "Publish to web" as CSV', () => {
  it('reads en-GB day-first dates, city time zones and natural yes wording', () => {
    const parsed = read('sheets-publish.csv');
    expect(parsed.entries.map((entry) => [entry.name, entry.timeZone, entry.consent.date])).toEqual([
      ['Liam Byrne', 'Europe/London', '2026-10-14T09:03:12.000Z'],
      ['Maya Patel', 'Asia/Kolkata', '2026-11-03T17:45:00.000Z'],
    ]);
    expect(parsed.report.warnings).toEqual([]);
  });
});

describe('HRIS export as "Unicode text" (UTF-16, tab-separated)', () => {
  const le = bytesOf('hris-utf16le.tsv');

  it('reads UTF-16 LE with its mark, tabs, First/Last name and Windows zone names', () => {
    const parsed = parseFeedBytes(le, options);
    expect(parsed.entries.map((entry) => [entry.name, entry.timeZone])).toEqual([
      ['Søren Kierkegaard', 'Europe/Paris'],
      ['Ngozi Adichie', 'Africa/Lagos'],
    ]);
    expect(parsed.report).toMatchObject({ total: 3, valid: 2, notOptedIn: 1 });
    expect(parsed.report.warnings).toEqual(['Column not used: Employee ID']);
  });

  it('reads the same file in UTF-16 BE, and without a byte-order mark', () => {
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    expect(parseFeedBytes(be, options).entries.map((entry) => entry.name)).toEqual(['Søren Kierkegaard', 'Ngozi Adichie']);
    expect(parseFeedBytes(le.subarray(2), options).entries.map((entry) => entry.name)).toEqual(['Søren Kierkegaard', 'Ngozi Adichie']);
  });

  it('refuses UTF-16 that someone else read as UTF-8 (a file picked on the options page), saying what to do', () => {
    const misread = new TextDecoder('utf-8').decode(le);
    expect(() => parseFeed(misread, options)).toThrow(/UTF-16 \("Unicode text".*Save it as "CSV UTF-8"/);
  });
});

describe('files that are not feeds', () => {
  const refused = (bytes: Uint8Array) => {
    try {
      parseFeedBytes(bytes, options);
    } catch (error) {
      expect(error).toBeInstanceOf(FeedFormatError);
      return (error as Error).message;
    }
    throw new Error('accepted');
  };
  const withHead = (...head: (number | string)[]) => Uint8Array.from(head.flatMap((part) => (typeof part === 'string' ? [...part].map((char) => char.charCodeAt(0)) : [part])));

  it('says an .xlsx is an Excel workbook and how to save it as CSV', () => {
    expect(refused(withHead(0x50, 0x4b, 0x03, 0x04, 0x14, 0, '[Content_Types].xml', 0, 'xl/workbook.xml'))).toMatch(/^This is an Excel workbook \(\.xlsx\), not a CSV file\. In Excel choose File → Save As → "CSV UTF-8/);
    expect(refused(withHead(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toMatch(/Excel 97-2003 workbook \(\.xls\)/);
  });

  it('recognises a PDF, an image and a compressed file', () => {
    expect(refused(withHead('%PDF-1.7\n%âãÏÓ\n'))).toMatch(/^This is a PDF document/);
    expect(refused(withHead(0x89, 'PNG\r\n', 0x1a, '\n', 0, 0, 0, 13, 'IHDR'))).toMatch(/^This is an image/);
    expect(refused(withHead(0x1f, 0x8b, 8, 0))).toMatch(/compressed \(gzip\)/);
  });

  it("says a Google sign-in page is a sign-in page, and how to publish the sheet", () => {
    expect(refused(bytesOf('sign-in-page.html'))).toBe(
      'The server answered with a web page, probably a sign-in page, not a CSV or JSON feed. In Google Sheets use File → Share → Publish to web → Comma-separated values (.csv), and use that link; or share the sheet with your organization.',
    );
    expect(() => parseFeed('<html><body>Hello</body></html>', options)).toThrow(/^The server answered with a web page, not a CSV or JSON feed/);
  });

  it('warns when characters were lost before Mutual saw the text', () => {
    const text = new TextDecoder('utf-8').decode(bytesOf('excel-de-DE.csv'));
    expect(parseFeed(text, options).report.warnings[0]).toMatch(/could not be read \(shown as �\).*Windows-1252/);
  });
});

describe('a hostile feed', () => {
  const parsed = read('hostile.csv');
  const people = byId('hostile.csv');

  it('keeps markup, template syntax and formulas as inert text', () => {
    expect(people.get('markup@example.org')).toMatchObject({
      name: '<img src=x onerror=alert(1)><script>alert(2)</script>',
      teach: [
        { name: '{{name}}', level: 'expert' },
        { name: '${7*7}', level: 'intermediate' },
      ],
      learn: [{ name: '<b>TikTok</b>', priority: 'high', ask: '' }],
    });
    expect(people.get('formula@example.org')!.name).toBe('=HYPERLINK("https://evil.example","click")');
    expect(people.get('bidi@example.org')!.name).toBe('Eve \u202egnp.exe\u202c Hacker');
  });

  it('rejects what is too long or no date, quoting a shortened value, and reads an explanation alone as no answer', () => {
    expect(parsed.report.invalid.map((issue) => 'row' in issue && [issue.row, issue.field, issue.code])).toEqual([
      [5, 'What can you teach?', 'too-long'],
      [5, 'What do you want to learn?', 'too-long'],
      [6, 'Timestamp', 'not-a-date'],
    ]);
    expect(parsed.report).toMatchObject({ total: 6, valid: 3, rejected: 2, notOptedIn: 1 });
    expect(parsed.report.warnings.at(-1)).toMatch(/^Consent answers Mutual did not understand, read as "no": 'I can withdraw at any time I can withdraw at any time I can withdraw at any tim…' \(1 row\)/);
  });
});
