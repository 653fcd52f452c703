import { describe, expect, it } from 'vitest';
import { gmailLink, LINK_LIMITS, mailtoLink, outlookLink, teamsChatLink } from '../../../lib/compose';

const message = { to: 'ada.park@example.com', subject: 'Two-way mentoring & more?', body: 'Hi Ada,\n\nTikTok for budgeting? 50% each – ok?' };

function param(url: string, name: string): string | null {
  return new URL(url).searchParams.get(name);
}

describe('compose links', () => {
  it('mailto: encodes every reserved character, spaces as %20 and line breaks as CRLF (RFC 6068)', () => {
    const { url, truncated } = mailtoLink(message);
    expect(truncated).toBe(false);
    expect(url).toBe(
      'mailto:ada.park@example.com?subject=Two-way%20mentoring%20%26%20more%3F&body=Hi%20Ada%2C%0D%0A%0D%0ATikTok%20for%20budgeting%3F%2050%25%20each%20%E2%80%93%20ok%3F',
    );
  });

  it('mailto: an address cannot smuggle in extra headers', () => {
    expect(mailtoLink({ ...message, to: 'a?bcc=evil@x.example&cc=b' }).url.startsWith('mailto:a%3Fbcc%3Devil@x.example%26cc%3Db?subject=')).toBe(true);
  });

  it('Gmail, Outlook on the web and Teams links carry the decoded text exactly', () => {
    const gmail = gmailLink(message).url;
    expect(gmail.startsWith('https://mail.google.com/mail/?view=cm&fs=1&to=ada.park@example.com&su=')).toBe(true);
    expect([param(gmail, 'su'), param(gmail, 'body')]).toEqual([message.subject, message.body]);
    const outlook = outlookLink(message).url;
    expect(outlook.startsWith('https://outlook.office.com/mail/deeplink/compose?to=ada.park@example.com&')).toBe(true);
    expect([param(outlook, 'subject'), param(outlook, 'body')]).toEqual([message.subject, message.body]);
    const teams = teamsChatLink(message).url;
    expect(teams.startsWith('https://teams.microsoft.com/l/chat/0/0?users=ada.park@example.com&message=')).toBe(true);
    expect(param(teams, 'message')).toBe(message.body);
  });

  it('shortens a body that does not fit, at a word, marks it and says so', () => {
    const long = { ...message, body: `${'Ünïcödé wörds 🙂 '.repeat(400)}THE END` };
    for (const [build, limit] of [
      [mailtoLink, LINK_LIMITS.mailto],
      [gmailLink, LINK_LIMITS.gmail],
      [outlookLink, LINK_LIMITS.outlook],
      [teamsChatLink, LINK_LIMITS.teams],
    ] as const) {
      const { url, truncated } = build(long);
      expect(truncated).toBe(true);
      expect(url.length).toBeLessThanOrEqual(limit);
      expect(url.length).toBeGreaterThan(limit - 200);
      const body = decodeURIComponent(url.split(/[?&](?:body|message)=/)[1]!);
      expect(body.endsWith('…')).toBe(true);
      expect(body).not.toContain('THE END');
      expect(long.body.replace(/\n/g, '\r\n').startsWith(body.slice(0, -1))).toBe(true);
      expect(body.slice(-2, -1)).not.toBe(' ');
    }
  });

  it('never splits an emoji or a percent escape, even at tiny limits', () => {
    const { url } = mailtoLink({ to: 'a@b.example', subject: 's', body: '🙂🙂🙂🙂🙂🙂' }, 80);
    expect(() => decodeURIComponent(url)).not.toThrow();
    expect(url.length).toBeLessThanOrEqual(80);
  });

  it('shortens a subject so long that it would crowd out the body', () => {
    const { url, truncated } = mailtoLink({ ...message, subject: '界'.repeat(200) });
    expect(truncated).toBe(true);
    expect(param(url.replace('mailto:', 'https://x/'), 'body')).toContain('Hi Ada');
  });
});
