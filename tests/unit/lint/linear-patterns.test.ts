import { describe, expect, it } from 'vitest';
import { detectFeedKind } from '../../../lib/directory';
import { parseQuery } from '../../../lib/match';
import { titleFromHeadline } from '../../../lib/profile';
import { renderText } from '../../../lib/templates/render';

/**
 * Hostile text for the patterns the regular-expression lint flagged outside the CSV reader: each
 * input took the old pattern quadratic time or worse (minutes at this size); each must now finish
 * well within the test's time limit, and still mean what it meant.
 */
const RUN = 200_000;

describe('patterns on hostile text', () => {
  it('reads a search query with long runs of spaces and punctuation', () => {
    expect(parseQuery(`who can teach me${' '.repeat(RUN)}x`)).toEqual({ kind: 'they-teach', skillText: 'x' });
    expect(parseQuery(`python experts${'?'.repeat(RUN)}`)).toEqual({ kind: 'they-teach', skillText: 'python' });
    expect(parseQuery(`${'a '.repeat(RUN)}!`).kind).toBe('text');
    expect(parseQuery(`who wants to learn figma${' please'.repeat(3)}`)).toEqual({ kind: 'they-learn', skillText: 'figma please please' });
  });

  it('takes a job title from a headline made of spaces', () => {
    expect(titleFromHeadline(`Analyst${' '.repeat(RUN)}|x`)).toBe(`Analyst |x`);
    expect(titleFromHeadline(`Senior  Data Analyst   at   Northwind | Mentor`)).toBe('Senior Data Analyst');
  });

  it('leaves an unclosed tag followed by spaces as text, and collapses long runs of spaces between words', () => {
    expect(renderText(`Hi {{${' '.repeat(RUN)}#`, {}).text).toBe('Hi {{ #');
    expect(renderText(`Hi${' '.repeat(RUN)}there${' '.repeat(RUN)}`, {}).text).toBe('Hi there');
    expect(renderText('Hi {{ me.name }}', { 'me.name': 'Ada' }).text).toBe('Hi Ada');
  });

  it('tells a feed kind from a URL full of question marks', () => {
    expect(detectFeedKind('', { name: `https://x.example.com/feed.json${'?#'.repeat(RUN)}` })).toBe('json');
  });
});
