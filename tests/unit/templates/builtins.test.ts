import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, kindFits, offeredTemplates, outreachValues, renderTemplate, SAMPLE_CONTEXT, suggestTemplate, templateProblems, TemplateSchema, type OutreachContext } from '../../../lib/templates';
import { contextFor, demoEntries, withPartner } from './helpers';

const HOSTILE = '<img src=x onerror=alert(1)> {{me.email}}';

describe('built-in templates', () => {
  it('are valid templates with a subject, known variables and balanced sections', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.kind).sort()).toEqual(
      ['decline', 'erg-intro', 'first-meeting', 'follow-up', 'mentor-request', 'reverse-invite', 'reverse-request', 'thank-you', 'two-way'],
    );
    for (const template of BUILT_IN_TEMPLATES) {
      expect(TemplateSchema.parse(template)).toEqual(template);
      expect(template.subject).not.toBe('');
      expect([...templateProblems(template.subject), ...templateProblems(template.body)]).toEqual([]);
    }
  });

  it('render against every demo directory person without gaps, "undefined" or leftover syntax', () => {
    const people = demoEntries();
    expect(people.length).toBeGreaterThan(20);
    for (const partner of people) {
      const context = contextFor(partner);
      for (const template of BUILT_IN_TEMPLATES) {
        const { subject, body, missing } = renderTemplate(template, outreachValues(context));
        const text = `${subject}\n${body}`;
        expect(text).not.toMatch(/undefined|null|NaN|\{\{|\}\}|\[object/);
        expect(text).not.toMatch(/ {2}|\n{3}| [,.]/);
        expect(body.startsWith(`Hi ${partner.name.split(' ')[0]},`)).toBe(true);
        // Whatever is missing is marked in the text and listed.
        for (const value of missing) expect(text).toContain(value.placeholder);
        expect(new Set(text.match(/\[[a-z][^\]]*\]/g) ?? [])).toEqual(new Set(missing.map((m) => m.placeholder).filter((p) => text.includes(p))));
      }
    }
  });

  it('never call several skills "it": the asks name what the directory says they know, then "that"', () => {
    const context: OutreachContext = { ...SAMPLE_CONTEXT, theyTeachMe: ['Prompt engineering', 'Short-form video'] };
    for (const kind of ['reverse-invite', 'mentor-request']) {
      const template = BUILT_IN_TEMPLATES.find((t) => t.kind === kind)!;
      const { body } = renderTemplate(template, outreachValues(context));
      expect(body).toContain('Our mentoring directory says you know Prompt engineering and Short-form video well');
      expect(body).not.toMatch(/you know it well/);
    }
  });

  it('each give the other person an easy way to say no (except the decline itself)', () => {
    for (const template of BUILT_IN_TEMPLATES.filter((t) => !['decline', 'thank-you', 'first-meeting'].includes(t.kind))) {
      expect(template.body).toMatch(/not now|no thanks|not the right time|isn't a good time|completely fine/i);
    }
    expect(BUILT_IN_TEMPLATES.find((t) => t.kind === 'first-meeting')!.body).toMatch(/pause or stop at any time/);
  });

  it('the first-meeting proposal sets expectations: objective, length and cadence, success, confidentiality, equal split', () => {
    const { body } = renderTemplate(BUILT_IN_TEMPLATES.find((t) => t.kind === 'first-meeting')!, outreachValues(SAMPLE_CONTEXT));
    expect(body).toContain('What we want from it: Each of us gets confident in one new skill');
    expect(body).toContain('45 minutes every two weeks (video call), for 6 months');
    expect(body).toContain("How we'll know it worked: Sam presents a budget");
    expect(body).toMatch(/Confidentiality/);
    expect(body).toContain('half of each session on your topic, half on mine (Budgeting for me, TikTok for you)');
  });

  it('insert hostile and huge partner text verbatim as plain text, never re-read as syntax', () => {
    const context = withPartner({ name: HOSTILE, department: 'D'.repeat(50_000), title: '{{#me.email}}leak{{/me.email}}' });
    for (const template of BUILT_IN_TEMPLATES) {
      const { subject, body } = renderTemplate(template, outreachValues(context));
      const text = subject + body;
      expect(text).not.toContain(SAMPLE_CONTEXT.me.email);
      expect(text.length).toBeLessThan(template.body.length + 2_000);
    }
    const { body } = renderTemplate(BUILT_IN_TEMPLATES[0]!, outreachValues(context));
    expect(body).toContain('Hi <img');
  });
});

describe('suggestTemplate', () => {
  const base = (me: OutreachContext['me']['careerStage'], them: OutreachContext['me']['careerStage'], overrides: Partial<OutreachContext> = {}): OutreachContext => ({
    ...withPartner({ careerStage: them }),
    me: { ...SAMPLE_CONTEXT.me, careerStage: me },
    ...overrides,
  });

  it('offers reverse mentoring upwards and asks for it downwards in reverse mode', () => {
    expect(suggestTemplate(base('early', 'executive'), 'reverse')).toBe('reverse-request');
    expect(suggestTemplate(base('senior', 'early'), 'reverse')).toBe('reverse-invite');
    expect(suggestTemplate(base('mid', 'mid'), 'reverse')).toBe('two-way');
  });

  it('proposes two-way when both sides teach, else the shared ERG, else by career stage', () => {
    expect(suggestTemplate(base('early', 'executive'), 'two-way')).toBe('two-way');
    expect(suggestTemplate(base('early', 'executive', { iTeachThem: [] }), 'two-way')).toBe('erg-intro');
    expect(suggestTemplate(base('executive', 'early', { iTeachThem: [], sharedErgs: [] }), 'two-way')).toBe('reverse-invite');
  });

  it('uses my profile mode when none is given', () => {
    const context = base('early', 'senior');
    expect(suggestTemplate({ ...context, me: { ...context.me, matchMode: 'reverse' } })).toBe('reverse-request');
    expect(suggestTemplate({ ...context, me: { ...context.me, matchMode: 'traditional' }, sharedErgs: [] })).toBe('mentor-request');
  });
});

describe('templates offered for a pair', () => {
  const pair = (me: OutreachContext['me']['careerStage'], them: OutreachContext['me']['careerStage'], overrides: Partial<OutreachContext> = {}): OutreachContext => ({
    ...withPartner({ careerStage: them }),
    me: { ...SAMPLE_CONTEXT.me, careerStage: me },
    ...overrides,
  });
  const offered = (context: OutreachContext, mode: OutreachContext['me']['matchMode']) => offeredTemplates(BUILT_IN_TEMPLATES, context, mode).map((t) => t.kind);

  it('never offers a "please mentor me" ask to someone I would reverse-mentor', () => {
    // Reverse mode, I am early career, they are an executive: I teach them.
    const kinds = offered(pair('early', 'executive'), 'reverse');
    expect(kinds).toContain('reverse-request');
    expect(kinds).not.toContain('reverse-invite');
    expect(kinds).not.toContain('mentor-request');
  });

  it('asks a more junior colleague to reverse-mentor me, and never offers to reverse-mentor them', () => {
    const kinds = offered(pair('executive', 'early'), 'reverse');
    expect(kinds).toContain('reverse-invite');
    expect(kinds).not.toContain('reverse-request');
  });

  it('traditional mode asks seniors for mentoring and offers no reverse templates', () => {
    expect(offered(pair('early', 'senior'), 'traditional')).toEqual(expect.arrayContaining(['mentor-request', 'two-way']));
    expect(offered(pair('early', 'senior'), 'traditional')).not.toEqual(expect.arrayContaining(['reverse-request']));
    expect(kindFits('mentor-request', pair('senior', 'early'), 'traditional')).toBe(false);
  });

  it('offers a two-way proposal only when each side gives something, an ERG introduction only with a shared ERG', () => {
    expect(kindFits('two-way', pair('mid', 'mid', { iTeachThem: [] }), 'two-way')).toBe(false);
    expect(kindFits('two-way', pair('mid', 'mid'), 'two-way')).toBe(true);
    expect(kindFits('erg-intro', pair('mid', 'mid', { sharedErgs: [] }), 'two-way')).toBe(false);
    expect(offered(pair('mid', 'mid', { sharedErgs: [], theyTeachMe: [], iTeachThem: [] }), 'reverse')).toEqual(['follow-up', 'first-meeting', 'thank-you', 'decline']);
  });
});
