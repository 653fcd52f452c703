import { describe, expect, it } from 'vitest';
import { draftAgreement, graduateSkills, learnedSkills, localTimes, renderAgreement } from '../../../lib/partnerships';
import { outreachValues, unfilled } from '../../../lib/templates';
import { agreement, context, me, NOW } from './fixtures';

describe('the agreement drafted from both profiles', () => {
  it('fills the asks both ways, the shared format, my logistics and a time inside both working days', () => {
    const draft = draftAgreement(context(), NOW);
    expect(draft).toMatchObject({
      iTeach: 'Budgeting',
      theirAsk: 'build my team’s first quarterly budget',
      theyTeach: 'TikTok',
      myAsk: 'run our TikTok account without help',
      format: 'video',
      cadence: 'weekly',
      sessionMinutes: 45,
      durationMonths: 1,
      // A week after Tuesday 24 February: Tuesday 3 March.
      startDate: '2026-03-03',
      // Shared working hours are 15:00-17:00 Berlin = 09:00-11:00 New York.
      time: '15:00',
      myTimeZone: 'Europe/Berlin',
      theirTimeZone: 'America/New_York',
      mySuccess: 'I post one video a week on my own',
      theirSuccess: 'build my team’s first quarterly budget',
    });
    expect(draft.groundRules.join(' ')).toMatch(/stays between us.*Equal time each way.*No judgement/);
  });

  it('starts on a working day and leaves the time open when no working hours are shared', () => {
    // Saturday 21 February + 7 days is a Saturday: the first meeting moves to Monday.
    const draft = draftAgreement(context({ me: { timeZone: 'Pacific/Honolulu' }, partner: { timeZone: 'Asia/Kolkata' } }), new Date('2026-02-21T22:00:00Z'));
    expect(draft.startDate).toBe('2026-03-02');
    expect(draft.time).toBe('');
  });
});

describe('the agreement as text', () => {
  const values = outreachValues(context());

  it('shows every meeting in both local times, naming the weeks when clocks change on different dates', () => {
    const { text, missing } = renderAgreement(agreement(), values);
    expect(missing).toEqual([]);
    expect(text).toContain('- Jordan teaches Sam: Budgeting (concretely: build my team’s first quarterly budget)');
    expect(text).toContain('- Sam teaches Jordan: TikTok (concretely: run our TikTok account without help)');
    expect(text).toContain('- video call, 45 minutes every week, for 1 month');
    expect(text).toContain('- When: every Tuesday at 15:00 in Berlin (09:00 in New York), from Tue, 3 March 2026, 5 meetings');
    expect(text).toContain('in New York these meetings are at another time: Tue, 10 March 2026 at 10:00; Tue, 17 March 2026 at 10:00; Tue, 24 March 2026 at 10:00');
    expect(text).toContain('- Our shared working hours: 15:00–17:00 in Berlin = 09:00–11:00 in New York');
    expect(text).toContain('- Sam: a budget my director signs off');
    expect(text).toMatch(/Ground rules\n- What we share stays between us\.$/);
    expect(localTimes(agreement())?.exceptions.map((meeting) => meeting.date)).toEqual(['2026-03-10', '2026-03-17', '2026-03-24']);
  });

  it('shows placeholders for what is missing, and unfilled() finds them until the person fills them in', () => {
    const rendered = renderAgreement(agreement({ time: '', theirSuccess: '', myAsk: '', iTeach: '' }), values);
    expect(rendered.missing.map((value) => value.placeholder)).toEqual(['[what you could teach them]', '[a time that suits you both]', '[how they will know it worked]']);
    expect(unfilled(rendered.text, rendered.missing)).toHaveLength(3);
    const edited = rendered.text.replace('[what you could teach them]', 'Excel').replace('[a time that suits you both]', '16:00').replace('[how they will know it worked]', 'a budget');
    expect(unfilled(edited, rendered.missing)).toEqual([]);
  });

  it('keeps template syntax in a partner’s text as text', () => {
    const { text } = renderAgreement(agreement({ theirAsk: '{{me.email}} <script>', groundRules: ['{{#me.name}}x{{/me.name}}'] }), values);
    expect(text).toContain('(concretely: {{me.email}} <script>)');
    expect(text).toContain('- {{#me.name}}x{{/me.name}}');
  });

  it('says so when the working days do not overlap', () => {
    const { text } = renderAgreement(agreement({ myTimeZone: 'Pacific/Honolulu', theirTimeZone: 'Asia/Kolkata', time: '07:00' }), values);
    expect(text).toContain('Our working days (9:00–17:00) do not overlap');
  });
});

describe('moving what was learned to “can teach”', () => {
  it('offers the skills the partner taught that the profile wanted to learn, and moves only the ones chosen', () => {
    const profile = me();
    expect(learnedSkills(profile, { theyTeach: 'TikTok and short-form video' })).toEqual(['TikTok']);
    const next = graduateSkills(profile, ['tiktok'], NOW);
    expect(next.learn.map((item) => item.name)).toEqual(['ChatGPT']);
    expect(next.teach).toEqual([{ name: 'Budgeting', level: 'expert' }, { name: 'TikTok', level: 'beginner' }]);
  });

  it('does not teach a skill twice', () => {
    const profile = me({ teach: [{ name: 'TikTok', level: 'advanced' }] });
    expect(graduateSkills(profile, ['TikTok'], NOW).teach).toEqual([{ name: 'TikTok', level: 'advanced' }]);
  });
});
