import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, quickStart, seriousAxeViolations, TEST_BUILD_DIR, type Mutual } from './harness';

/**
 * Enterprise policy as an administrator sets it: a JSON file in Chromium's managed policy folder
 * (Debian's Chromium reads /etc/chromium/policies/managed) with the extension's `3rdparty` policy.
 * The test build is copied to a folder of its own, so the policy names an extension id that no
 * other test uses, and the file is removed afterwards. Writing there needs root; without it the
 * same policy goes into the copied build's own folder, which only the test build reads in place of
 * managed storage (platform/managed-storage.ts), so these tests run everywhere, never skipped.
 */
const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';
const TEST_POLICY_FILE = 'e2e-policy.json';

async function canWritePolicies(): Promise<boolean> {
  try {
    await mkdir(POLICY_DIR, { recursive: true });
    await access(POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Chromium's id for an unpacked extension: the SHA-256 of its path, hex digits written as a–p. */
function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

const realPolicyFolder = await canWritePolicies();
if (!realPolicyFolder) console.warn(`${POLICY_DIR} is not writable (not root): the policy goes to the test build's stand-in file.`);

const ORG_FEED = {
  format: 'mutual-directory',
  version: 1,
  name: 'Northwind mentors',
  generatedAt: new Date().toISOString(),
  entries: [
    ['Noor Haddad', 'noor.haddad@northwind.example', 'early', 'TikTok', 'Budgeting'],
    ['Ravi Menon', 'ravi.menon@northwind.example', 'early', 'ChatGPT', 'Board governance'],
    ['Elena Sokolova', 'elena.sokolova@northwind.example', 'mid', 'Short-form video', 'Negotiation'],
  ].map(([name, email, careerStage, teach, learn]) => ({
    name,
    email,
    department: 'Digital',
    careerStage,
    languages: ['English'],
    teach: [{ name: teach, level: 'expert' }],
    learn: [{ name: learn, priority: 'high' }],
    capacity: 1,
    consent: { optedIn: true, date: new Date().toISOString().slice(0, 10) },
    updatedAt: new Date().toISOString(),
  })),
};

describe(`enterprise policy (${realPolicyFolder ? 'Chromium policy folder' : 'test build stand-in'})`, () => {
  let mutual: Mutual;
  let policyFile: string;
  let extensionDir: string;
  let options: Page;

  beforeAll(async () => {
    extensionDir = join(await mkdtemp(join(tmpdir(), 'mutual-policy-')), 'extension');
    await cp(TEST_BUILD_DIR, extensionDir, { recursive: true });
    policyFile = join(POLICY_DIR, `mutual-e2e-${unpackedExtensionId(extensionDir)}.json`);
    // The policy names the feed by the local server's address, so it is written once the server is up.
    mutual = await launch({
      extensionDir,
      beforeBrowser: async (server) => {
        server.route('/org.json', (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(ORG_FEED)));
        const policy = {
          organizationName: 'Northwind',
          directoryFeeds: [server.url('/org.json')],
          demoDirectory: false,
          joinFormUrl: 'https://forms.northwind.example/mentoring',
          templates: [{ id: 'northwind-hello', name: 'Northwind programme hello', subject: 'Mentoring, {{them.firstName}}?', body: 'Hi {{them.firstName}}, the Northwind programme matched us.' }],
        };
        if (realPolicyFolder) await writeFile(policyFile, JSON.stringify({ '3rdparty': { extensions: { [unpackedExtensionId(extensionDir)]: policy } } }));
        else await writeFile(join(extensionDir, TEST_POLICY_FILE), JSON.stringify(policy));
      },
    });
    options = await mutual.openOptions();
  });

  afterAll(async () => {
    if (realPolicyFolder) await rm(policyFile, { force: true });
    await mutual?.close();
    await rm(dirname(extensionDir), { recursive: true, force: true });
  });

  const directory = () => options.locator('section', { has: options.getByRole('heading', { name: 'Directory', level: 2 }) });

  it('syncs the organization’s feed, locked, instead of the demo', async () => {
    const feed = directory().getByRole('listitem', { name: 'Northwind directory' });
    await expect.poll(() => feed.textContent(), { timeout: 20_000 }).toMatch(/OK: (Not changed: )?3 entries/);
    expect(await feed.getByText('Set by your organization').count()).toBe(1);
    expect(await feed.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    const demo = directory().getByRole('listitem', { name: 'Demo directory (fictional colleagues)' });
    expect(await demo.getByRole('checkbox').isChecked()).toBe(false);
    expect(await demo.getByRole('checkbox').isDisabled()).toBe(true);
    // The first sync waited for the policy: the fictional people never entered this organization's directory.
    expect(await demo.textContent()).toMatch(/Last good sync\s*Never/);
    await expect.poll(() => directory().textContent()).toMatch(/3 people from 1 source/);
    expect(await options.getByRole('link', { name: "Open Northwind's join form" }).getAttribute('href')).toBe('https://forms.northwind.example/mentoring');
    expect(await seriousAxeViolations(options)).toEqual([]);
  });

  it('offers the organization’s template, locked', async () => {
    const templates = options.getByRole('list', { name: 'Templates' });
    const item = templates.getByRole('button', { name: /Northwind programme hello/ });
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
    expect(await item.textContent()).toMatch(/Organization · locked/);
    await item.click();
    await expect.poll(() => options.getByText('Set by your organization: you can use it or duplicate it, not change it.').count()).toBe(1);
  });

  it('matches only the organization’s people in the popup', async () => {
    const popup = await mutual.openPopup();
    await quickStart(popup);
    const list = popup.getByRole('list', { name: 'Ranked partners' });
    await expect.poll(() => list.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
    const names = await list.locator(':scope > li h3').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((name) => ORG_FEED.entries.some((entry) => entry.name === name))).toBe(true);
  });
});
