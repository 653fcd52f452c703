import { describe, expect, it } from 'vitest';
import { isOptOutQuestion, readConsentAnswer } from '../../../lib/directory/consent';

/** Every phrasing here is listed in the closing note of issue 14 and in docs/directory-feed.md. */
const YES = [
  'Yes',
  'yes',
  'YES',
  'Y',
  'TRUE',
  '1',
  'x',
  '✓',
  '✔',
  'Checked',
  'OK',
  'Sure',
  'Yes please',
  'Yes, list me',
  'Yes, list me in the directory',
  'I agree',
  'I consent',
  'I accept',
  'Agreed',
  'Opt in',
  'Opted-in',
  'OK to include me',
  'Happy to be listed',
  "I'm happy to be included in the mentoring directory",
  'Count me in!',
  'No problem',
  'Yes - no objection',
  'Ja',
  'Oui',
  'Sí',
  // Google Forms writes a ticked checkbox as the option's whole sentence.
  'I agree to be listed in the Acme mentoring directory with my name, role, skills and work email.',
  'I agree that my profile (name, job title, skills) is shown to colleagues in the mentoring directory',
  // Privacy-notice wording: the clause about withdrawing later explains a right, it is not a withdrawal.
  'I consent to Acme processing my data as described in the privacy notice. I can withdraw my consent at any time.',
  'I agree to be listed and understand I can opt out at any time',
  'Yes (you can withdraw at any time by emailing hr@acme.example)',
  'I agree to be listed. I understand that I may ask to be removed whenever I want.',
  'Yes, until I leave the company',
  'I give permission to list me; my data will not be shared outside Acme.',
  'Yes — I know I can unsubscribe later',
];

const NO = [
  'No',
  'no',
  'N',
  'false',
  '0',
  'No thanks',
  'No, thank you',
  "No, don't list me",
  'No – do not list me',
  "I don't agree",
  'I don’t agree',
  'I do not agree',
  'I do not consent',
  'Not now',
  'Not yet',
  'Yes, but not yet',
  'Remove me',
  'Please remove me from the directory',
  "I'd rather not be included",
  'I would prefer not to be listed',
  'Decline',
  'I decline',
  'Opt out',
  'Opt-out',
  'I withdraw my consent',
  'Withdrawn',
  'Unsubscribe',
  'Never',
  'Nope',
  'Nein',
  'Non',
  'I agree to nothing, do not list me',
  'Yes I agree — no wait, remove me',
];

const UNRECOGNIZED = ['maybe', 'Later', 'Ask me again', '?', 'Depends', 'TBD', 'Whatever HR decides', 'Si possible'];

describe('consent answers', () => {
  it.each(YES)('reads %j as consent', (answer) => {
    expect(readConsentAnswer(answer)).toBe('yes');
  });

  it.each(NO)('reads %j as a refusal: negation beats any yes-word', (answer) => {
    expect(readConsentAnswer(answer)).toBe('no');
  });

  it.each(UNRECOGNIZED)('reads %j as not understood (so not consent, and reported)', (answer) => {
    expect(readConsentAnswer(answer)).toBe('unrecognized');
  });

  it('reads a blank as no answer, not as something to report', () => {
    expect(readConsentAnswer('')).toBe('no');
    expect(readConsentAnswer('   ')).toBe('no');
  });

  it('reads only the start of a very long answer, in linear time', () => {
    expect(readConsentAnswer(`Yes${' '.repeat(1 << 20)}no`)).toBe('yes');
    expect(readConsentAnswer(`${'can '.repeat(200_000)}withdraw`)).toBe('unrecognized');
  });
});

describe('opt-out questions', () => {
  it.each([
    'Opt out of the directory',
    'Do you want to opt-out?',
    'Leave me out of the mentoring directory',
    'Do not list me',
    "Don't list me in the directory",
    'I do not want to be listed',
    'Exclude me from the directory',
  ])('knows %j asks the other way round', (header) => {
    expect(isOptOutQuestion(header)).toBe(true);
  });

  it.each([
    'I agree to be listed',
    'I agree to be listed (you can withdraw at any time)',
    'Consent to be listed',
    'Happy to be listed in the directory? You can opt out later.',
  ])('reads %j as an opt-in question', (header) => {
    expect(isOptOutQuestion(header)).toBe(false);
  });
});
