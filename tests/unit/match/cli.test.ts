import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMatch } from '../../../cli/match';
import { me, person } from './helpers';

let dir: string;
const file = (name: string) => join(dir, name);

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runMatch(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const profile = me({
  name: 'Casey Early',
  careerStage: 'early',
  teach: [{ name: 'TikTok', level: 'expert' }],
  learn: [{ name: 'Negotiation', priority: 'high', ask: '' }],
  matchMode: 'two-way',
});

const feedEntries = [
  person({ name: 'Vera Exec', careerStage: 'executive', department: 'Sales', teach: [{ name: 'Negotiation', level: 'expert' }], learn: [{ name: 'tik tok', priority: 'high', ask: '' }] }),
  person({ name: 'Pat Peer', careerStage: 'early', department: 'Sales', teach: [{ name: 'negotiating', level: 'advanced' }], learn: [{ name: 'TikTok', priority: 'medium', ask: '' }] }),
  person({ name: 'Nobody Useful', teach: [{ name: 'Welding', level: 'expert' }] }),
].map(({ id: _id, ...entry }) => entry);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mutual-match-'));
  await writeFile(file('me.json'), JSON.stringify({ format: 'mutual-profile', version: 1, profile }));
  await writeFile(file('bare.json'), JSON.stringify(profile));
  await writeFile(file('feed.json'), JSON.stringify({ format: 'mutual-directory', version: 1, name: 'Test', generatedAt: '2026-01-01T00:00:00Z', entries: feedEntries }));
  await writeFile(file('broken.json'), '{ not json');
  await writeFile(file('not-profile.json'), JSON.stringify({ name: 'x' }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('mutual match', () => {
  it('prints JSON best first with id, name, email, score and reasons', async () => {
    const { code, stdout } = await run('--profile', file('me.json'), '--directory', file('feed.json'), '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as { name: string; email: string; id: string; score: number; reasons: string[] }[];
    expect(rows.map((row) => row.name)).toEqual(['Vera Exec', 'Pat Peer']);
    expect(rows[0]).toMatchObject({ id: rows[0]!.email, score: expect.any(Number), reasons: expect.arrayContaining(['Can teach you Negotiation (expert)']) });
    expect(rows[0]!.score).toBeGreaterThanOrEqual(rows[1]!.score);
  });

  it('carries the card’s reasons, the readings of typed skills and the limiting factor in JSON', async () => {
    const typed = me({ ...profile, teach: [{ name: 'TikTok and CapCut', level: 'expert' }], learn: [{ name: 'Negotaition', priority: 'high', ask: '' }], department: 'Engineering' });
    await writeFile(file('typed.json'), JSON.stringify(typed));
    const { code, stdout } = await run('--profile', file('typed.json'), '--directory', file('feed.json'), '--json');
    expect(code).toBe(0);
    const [vera, pat] = JSON.parse(stdout) as { name: string; reasons: string[]; readings: string[]; limitingFactor?: { factor: string; reason: string; lostPoints: number } }[];
    expect(vera!.name).toBe('Vera Exec');
    expect(vera!.reasons).toContain("Can teach you Negotiation (expert; you wrote 'Negotaition')");
    expect(vera!.reasons).toContain('Other department: Sales (you: Engineering)');
    expect(vera!.reasons).toContain('Different career stage: Executive ↔ Early career');
    expect(vera!.readings).toEqual(expect.arrayContaining(['you wrote “Negotaition”', '“TikTok and CapCut” read as TikTok + CapCut']));
    // Pat shares no ERG and is a peer at my stage (equal losses): what costs the most is said first.
    expect(pat!.limitingFactor).toMatchObject({ factor: 'Common ground', reason: 'Held back most by: no shared ERG or interest', lostPoints: expect.any(Number) });
    expect(pat!.reasons[0]).toBe(pat!.limitingFactor!.reason);
  });

  it('takes the mode and top from the command line, and accepts a bare profile', async () => {
    const { code, stdout } = await run('--profile', file('bare.json'), '--directory', file('feed.json'), '--mode', 'reverse', '--top', '5', '--json');
    expect(code).toBe(0);
    // In reverse mode an early-career person teaches someone senior; the peer is out.
    expect((JSON.parse(stdout) as { name: string }[]).map((row) => row.name)).toEqual(['Vera Exec']);
  });

  it('prints a readable table by default', async () => {
    const { code, stdout } = await run('--profile', file('me.json'), '--directory', file('feed.json'), '--top', '1');
    expect(code).toBe(0);
    expect(stdout).toContain('Best two-way partners among 3 people');
    expect(stdout).toMatch(/ {2}1 +\d+ {2}Vera Exec/);
    expect(stdout).not.toContain('Pat Peer');
  });

  it.each([
    [['--directory', 'feed.json'], /Missing --profile/],
    [['--profile', 'me.json'], /Missing --directory/],
    [['--profile', 'me.json', '--directory', 'feed.json', '--mode', 'sideways'], /--mode must be one of two-way, reverse, traditional/],
    [['--profile', 'me.json', '--directory', 'feed.json', '--top', 'ten'], /--top must be a whole number/],
    [['--profile', 'me.json', '--directory', 'feed.json', '--colour'], /Unknown option/],
  ])('exits 2 with usage for %j', async (args, message) => {
    const { code, stderr } = await run(...args.map((arg) => (arg.endsWith('.json') ? file(arg) : arg)));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage: mutual match');
  });

  it.each([
    ['missing.json', 'feed.json', /Cannot read the profile .*missing\.json: no such file/],
    ['broken.json', 'feed.json', /is not valid JSON/],
    ['not-profile.json', 'feed.json', /is not a Mutual profile/],
    ['me.json', 'broken.json', /is not a readable feed/],
  ])('exits 2 for an unreadable file (%s, %s)', async (profileFile, feedFile, message) => {
    const { code, stderr } = await run('--profile', file(profileFile), '--directory', file(feedFile));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('reads a profile written by hand, filling in what the form would, and names a wrong field as the form does', async () => {
    await writeFile(file('hand.json'), JSON.stringify({ name: 'Sam Lee', email: 'sam@example.com', careerStage: 'early', teach: [{ name: 'TikTok', level: 'expert' }], learn: [{ name: 'Budgeting', priority: 'high' }] }));
    expect((await run('--profile', file('hand.json'), '--directory', file('feed.json'))).code).toBe(0);
    await writeFile(file('hand-bad.json'), JSON.stringify({ name: 'Sam', careerStage: 'intern', teach: [{ name: 'TikTok', level: 'guru' }], learn: [] }));
    const { code, stderr } = await run('--profile', file('hand-bad.json'), '--directory', file('feed.json'));
    expect(code).toBe(2);
    expect(stderr).toContain("Career stage: 'intern' is not one of the choices the form offers");
    expect(stderr).toContain("Level (row 1): 'guru' is not one of the choices the form offers");
    expect(stderr).not.toMatch(/Invalid|expected|teach\.0|careerStage/);
  });

  it('prints help', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('--directory <file>');
  });
});
