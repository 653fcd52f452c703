import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readExclusions } from '../../../lib/pairing';
import { person } from '../match/helpers';

const entries = [
  person({ name: 'Priya Nair', id: 'priya@example.com' }),
  person({ name: 'José García', id: 'jose@example.com' }),
  person({ name: 'Sam Lee', id: 'sam.one@example.com' }),
  person({ name: 'Sam Lee', id: 'sam.two@example.com' }),
];

describe('readExclusions', () => {
  it('reads emails in any case and unique full names, skipping a header and extra columns', () => {
    const result = readExclusions('Person,Other person,Why\nPRIYA@example.com,jose@example.com,reporting line\n  josé  garcía , Priya Nair ,previous partners\n', entries);
    expect(result).toEqual({ exclusions: [['priya@example.com', 'jose@example.com'], ['jose@example.com', 'priya@example.com']], problems: [], notInFeed: [] });
  });

  it('reads an Excel export with a byte-order mark, semicolons and Windows line ends', () => {
    const text = readFileSync('tests/fixtures/pairing/exclusions-excel-semicolon.csv', 'utf8');
    const cohort = [person({ name: 'Martin', id: 'martin.senior@example.com' }), person({ name: 'Zoe', id: 'zoe.early@example.com' })];
    expect(readExclusions(text, cohort).exclusions).toEqual([['martin.senior@example.com', 'zoe.early@example.com']]);
  });

  it('notes people who are not in the feed without failing', () => {
    const result = readExclusions('priya@example.com,gone@example.com\nNobody Here,jose@example.com\n', entries);
    expect(result.exclusions).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.notInFeed).toEqual([
      'Row 1: nobody in the feed has the email address "gone@example.com"; the row is ignored.',
      'Row 2: nobody in the feed is called "Nobody Here"; the row is ignored.',
    ]);
  });

  it('names the row and what would work for a lone cell, an ambiguous name or the same person twice', () => {
    const result = readExclusions('priya@example.com,jose@example.com\npriya@example.com\nSam Lee,jose@example.com\npriya@example.com,Priya Nair\n', entries);
    expect(result.problems).toEqual([
      'Row 2: "priya@example.com" alone; a row needs two people (email addresses or full names), e.g. "ana@example.com,ben@example.com".',
      'Row 3: "Sam Lee" is the name of 2 people in the feed; use their email addresses.',
      'Row 4: names the same person twice ("priya@example.com", "Priya Nair").',
    ]);
  });

  it('treats markup and formulas in cells as names to look up, nothing more', () => {
    const result = readExclusions('priya@example.com,jose@example.com\n"=HYPERLINK(""http://x"")",<script>alert(1)</script>\n', entries);
    expect(result.exclusions).toEqual([['priya@example.com', 'jose@example.com']]);
    expect(result.notInFeed).toEqual(['Row 2: nobody in the feed is called "=HYPERLINK("http://x")"; the row is ignored.']);
  });
});
