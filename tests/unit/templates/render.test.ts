import { describe, expect, it } from 'vitest';
import { fillBlanks, outreachValues, renderTemplate, renderText, SAMPLE_CONTEXT, templateProblems, unfilled, VARIABLES } from '../../../lib/templates';
import { withPartner } from './helpers';

describe('renderText', () => {
  it('fills variables and keeps sections only when their value exists', () => {
    const source = 'Hi {{them.firstName}}{{#sharedErg}}, fellow {{sharedErg}} member{{/sharedErg}}{{^sharedErg}} there{{/sharedErg}}!';
    expect(renderText(source, { 'them.firstName': 'Ada', sharedErg: 'Pride' }).text).toBe('Hi Ada, fellow Pride member!');
    expect(renderText(source, { 'them.firstName': 'Ada' }).text).toBe('Hi Ada there!');
  });

  it('shows a missing value as a marked placeholder and reports it, never "undefined" or a gap', () => {
    const result = renderText('Your team: {{them.department}}. Bye.', {});
    expect(result.text).toBe('Your team: [their team]. Bye.');
    expect(result.missing).toEqual([{ name: 'them.department', placeholder: '[their team]', description: 'Their department' }]);
    expect(result.text).not.toMatch(/undefined|null/);
  });

  it('drops a section tag that stands alone on its line together with the line', () => {
    const source = 'Line A.\n\n{{#sharedErg}}\nWe share {{sharedErg}}.\n\n{{/sharedErg}}\nLine B.';
    expect(renderText(source, { sharedErg: 'Pride' }).text).toBe('Line A.\n\nWe share Pride.\n\nLine B.');
    expect(renderText(source, {}).text).toBe('Line A.\n\nLine B.');
  });

  it('drops consecutive standalone section lines (nested blocks)', () => {
    const source = 'A\n{{^theyTeachMe}}\n{{#iTeachThem}}\nI teach {{iTeachThem}}.\n{{/iTeachThem}}\n{{/theyTeachMe}}\nB';
    expect(renderText(source, { iTeachThem: 'SQL' }).text).toBe('A\nI teach SQL.\nB');
    expect(renderText(source, {}).text).toBe('A\nB');
  });

  it('tidies what a dropped inline part leaves: no double spaces, no runs of blank lines', () => {
    const result = renderText('One {{#myAsk}}{{myAsk}}{{/myAsk}} two.\n\n\n\nThree   ', {});
    expect(result.text).toBe('One two.\n\nThree');
  });

  it('is single-pass: partner text that looks like template syntax stays literal', () => {
    const values = outreachValues(withPartner({ name: '{{me.email}} {{#me.name}}x{{/me.name}}' }));
    const rendered = renderText('Hi {{them.name}}, from {{me.name}}', values).text;
    expect(rendered).toBe(`Hi {{me.email}} {{#me.name}}x{{/me.name}}, from ${SAMPLE_CONTEXT.me.name}`);
    expect(rendered).not.toContain(SAMPLE_CONTEXT.me.email);
  });

  it('keeps markup in partner text as plain text, removes invisible controls and bounds long values', () => {
    const values = outreachValues(
      withPartner({ name: '<img src=x onerror=alert(1)>', department: `Fin\u202Eance\u0000 ${'x'.repeat(100_000)}` }),
    );
    const rendered = renderText('{{them.name}} / {{them.department}}', values).text;
    expect(rendered.startsWith('<img src=x onerror=alert(1)> / Finance x')).toBe(true);
    expect(rendered).not.toMatch(/[\u202E\u0000]/);
    expect(rendered.length).toBeLessThan(300);
  });

  it('reports unknown variables as placeholders instead of dropping them', () => {
    expect(renderText('Hi {{them.nickname}}', {}).text).toBe('Hi [them.nickname]');
  });

  it('renders a template with an unclosed section without throwing, and the editor is told', () => {
    expect(renderText('{{#sharedErg}}open', { sharedErg: 'x' }).text).toBe('open');
    expect(templateProblems('{{#sharedErg}}open')).toEqual(['{{#sharedErg}} is never closed with {{/sharedErg}}.']);
    expect(templateProblems('a{{/myAsk}} {{bogus}}')).toEqual(['{{bogus}} is not a variable Mutual knows.', '{{/myAsk}} closes a section that is not open.']);
    expect(templateProblems('{{#myAsk}}{{myAsk}}{{/myAsk}} {{them.firstName}}')).toEqual([]);
  });
});

describe('renderTemplate', () => {
  it('renders subject and body and merges what is missing in both', () => {
    const result = renderTemplate({ subject: 'For {{them.department}}', body: '{{them.department}} and {{me.title}}' }, { 'me.title': 'Analyst' });
    expect(result).toEqual({ subject: 'For [their team]', body: '[their team] and Analyst', missing: [{ name: 'them.department', placeholder: '[their team]', description: 'Their department' }] });
  });

  it('fillBlanks puts what the user typed in place of each blank, cleaned and literally ("$&" stays)', () => {
    const { subject, body, missing } = renderTemplate({ subject: 'Hi from {{sharedErg}}', body: 'We are both in {{sharedErg}}; {{#sharedErg}}optional{{/sharedErg}} {{objective}}' }, {});
    const fills = { sharedErg: '  Pride\u202E  $& Network ', objective: '' };
    expect(fillBlanks(subject, missing, fills)).toBe('Hi from Pride $& Network');
    expect(fillBlanks(body, missing, fills)).toBe('We are both in Pride $& Network; [what you both want from it]');
    expect(unfilled(fillBlanks(body, missing, fills), missing).map((m) => m.name)).toEqual(['objective']);
  });

  it('unfilled lists only placeholders the user has not replaced yet', () => {
    const missing = [VARIABLES['them.department'], VARIABLES.myAsk].map((v, i) => ({ name: String(i), placeholder: v.placeholder, description: v.description }));
    expect(unfilled('In [their team] we…', missing).map((m) => m.placeholder)).toEqual(['[their team]']);
  });
});

describe('outreachValues', () => {
  it('words lists, first names, cadence, formats both like and my concrete ask', () => {
    const me = { ...SAMPLE_CONTEXT.me, formats: ['video', 'in-person'] as const };
    const values = outreachValues({
      ...withPartner({ name: 'Dr. Ada  Park', formats: ['phone', 'in-person'] }, { ...SAMPLE_CONTEXT, me: { ...me, formats: [...me.formats] } }),
      theyTeachMe: ['Budgeting', 'Board reporting', 'budgeting', 'Hiring', 'Forecasting'],
    });
    expect(values['them.firstName']).toBe('Ada');
    expect(values['them.name']).toBe('Dr. Ada Park');
    expect(values.theyTeachMe).toBe('Budgeting, Board reporting and budgeting');
    expect(values.cadence).toBe('every two weeks');
    expect(values.session).toBe('45 minutes');
    expect(values.format).toBe('meeting in person');
    expect(values.myAsk).toBe('build and defend a campaign budget');
    expect(values.theirAsk).toBe('post short videos for our team');
  });

  it('falls back to my first format when we share none', () => {
    expect(outreachValues(withPartner({ formats: ['phone'] })).format).toBe('video call');
  });
});
