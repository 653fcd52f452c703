// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedJsonSchema } from '../../../cli/directory';
import { main } from '../../../cli/main';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIXTURES = join(import.meta.dirname, 'fixtures');

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

const CSV = `Email address,Full name,Career stage,Languages,What can you teach?,I agree to be listed,Timestamp
ada@example.com,Ada,Senior,English,Python (expert),Yes,${new Date().toISOString().slice(0, 10)}
bad,Bob,Senior,English,Python,Yes,${new Date().toISOString().slice(0, 10)}
`;

describe('mutual directory check', () => {
  it('prints one JSON object with the counts and the invalid rows, exit 0 when usable', async () => {
    const { code, stdout } = await run('directory', 'check', join(FIXTURES, 'google-forms.csv'), '--json', '--max-age-days', '3650');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ usable: true, kind: 'csv', valid: 2, notOptedIn: 2, expired: 0, duplicates: 1, summary: '2 of 8 rows listed, 3 rejected, 2 not opted in, 1 duplicate' });
    // The machine code beside the message.
    expect(report.invalid).toContainEqual({ row: 8, field: 'Email address', code: 'not-an-email', message: "'not-an-email' is not an email address — write one such as name@example.com" });
  });

  it('prints a readable report without --json', async () => {
    const { code, stdout } = await run('directory', 'check', join(FIXTURES, 'google-forms.csv'), '--max-age-days', '3650');
    expect(code).toBe(0);
    expect(stdout).toContain('google-forms.csv: 2 of 8 rows listed, 3 rejected, 2 not opted in, 1 duplicate\n');
    expect(stdout).toContain("  Row 8, column 'Email address': 'not-an-email' is not an email address — write one such as name@example.com\n");
    expect(stdout).toContain("  Row 7, column 'Career stage': 'Astronaut' is not a career stage Mutual knows — use Early career, Mid-career, Senior or Executive\n");
  });

  it('exits 1 for a missing file, a wrong format, or no valid entry', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mutual-cli-'));
    await writeFile(join(dir, 'people.json'), '{"format":"something-else"}');
    await writeFile(join(dir, 'nobody.csv'), 'Email,Name\nx@example.com,X\n');
    const missing = await run('directory', 'check', join(dir, 'missing.csv'), '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ usable: false, valid: 0, error: expect.stringContaining('no such file') });
    expect((await run('directory', 'check', join(dir, 'people.json'))).code).toBe(1);
    const nobody = await run('directory', 'check', join(dir, 'nobody.csv'), '--json');
    expect(nobody.code).toBe(1);
    expect(JSON.parse(nobody.stdout)).toMatchObject({ usable: false, valid: 0, notOptedIn: 1 });
  });

  it('exits 2 for wrong usage', async () => {
    expect((await run('directory', 'check')).code).toBe(2);
    expect((await run('directory', 'check', 'a.csv', '--bogus')).code).toBe(2);
    expect((await run('directory', 'check', 'a.csv', '--max-age-days', 'soon')).code).toBe(2);
    expect((await run('directory', 'frobnicate')).code).toBe(2);
    expect((await run('bogus')).code).toBe(2);
  });

  describe('a URL', () => {
    let server: Server;
    let origin: string;
    beforeAll(async () => {
      server = createServer((req, res) => {
        if (req.url === '/feed.csv') res.writeHead(200, { 'content-type': 'text/csv' }).end(CSV);
        else res.writeHead(500).end('down');
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((done) => server.close(() => done())));

    it('downloads and checks it as the extension would', async () => {
      const { code, stdout } = await run('directory', 'check', `${origin}/feed.csv`, '--json');
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toMatchObject({ valid: 1, invalid: [{ row: 3, field: 'Email address', code: 'not-an-email' }] });
      const down = await run('directory', 'check', `${origin}/down.csv`);
      expect(down.code).toBe(1);
      expect(down.stderr).toContain('The server answered 500');
    });
  });
});

describe('mutual directory convert', () => {
  it('writes a JSON feed that checks clean, and reports the rejected rows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mutual-cli-'));
    await writeFile(join(dir, 'mentors.csv'), `\uFEFF${CSV}`);
    const out = join(dir, 'feed.json');
    const { code, stderr, stdout } = await run('directory', 'convert', join(dir, 'mentors.csv'), '-o', out);
    expect(code).toBe(0);
    expect(stderr).toContain("Row 3, column 'Email address': 'bad' is not an email address");
    expect(stdout).toContain('1 of 2 rows listed, 1 rejected');
    const feed = JSON.parse(await readFile(out, 'utf8'));
    expect(feed).toMatchObject({ format: 'mutual-directory', version: 1, name: 'mentors', entries: [{ email: 'ada@example.com', teach: [{ name: 'Python', level: 'expert' }] }] });
    expect(feed.entries[0]).not.toHaveProperty('id');
    const again = await run('directory', 'check', out, '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ usable: true, kind: 'json', valid: 1, invalid: [] });
  });

  it('needs an output file', async () => {
    expect((await run('directory', 'convert', 'x.csv')).code).toBe(2);
  });
});

describe('mutual', () => {
  it('prints help', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('mutual directory check');
    expect(stdout).toContain('mutual match');
  });

  it('dispatches match to the matching CLI', async () => {
    const { code, stdout } = await run('match', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: mutual match');
  });

  it('keeps docs/directory-feed.schema.json in step with the schema the extension validates with', async () => {
    const documented = JSON.parse(await readFile(join(ROOT, 'docs/directory-feed.schema.json'), 'utf8'));
    expect(documented).toEqual(feedJsonSchema());
  });

  it('runs as bin/mutual.mjs under node', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'bin/mutual.mjs'), 'directory', 'check', join(FIXTURES, 'microsoft-forms.csv'), '--json', '--max-age-days', '3650'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ usable: true, valid: 2, expired: 1 });
  }, 30_000);
});
