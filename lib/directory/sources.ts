import { z } from '../schema';

/**
 * Where directory entries come from: the built-in demo, feed URLs the user added, files the user
 * imported, and feeds set by the organization's policy (managed storage), which the user sees but
 * cannot change.
 */
const DEMO_SOURCE_ID = 'demo';

/**
 * How long a consent lasts when the entry gives no explicit expiry (and the policy sets no other).
 * Kept here, not beside the validation that applies it, so pages that read only the sources' states
 * do not load the validation.
 */
export const DEFAULT_MAX_AGE_DAYS = 365;

export type DirectorySource =
  | { id: typeof DEMO_SOURCE_ID; kind: 'demo'; label: string; enabled: boolean; locked: boolean }
  | { id: string; kind: 'url'; label: string; url: string; enabled: true; locked: boolean }
  | { id: string; kind: 'file'; label: string; fileName: string; enabled: true; locked: false };

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'Enter a web address starting with https://' })
  .check(z.maxLength(2000, 'The address is too long'));

/** Hosts a feed may be read from over plain http: this computer only (a maintainer trying a feed out). */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Feeds an organization's policy may set; more are a mistake, and the first ones are kept. */
export const MAX_POLICY_FEEDS = 50;
const MAX_URL_LENGTH = 2000;

/**
 * What is wrong with a feed address, in words for the person who typed it, or undefined when
 * Mutual may read it: https:// (plain http:// only from this computer), no user name or password.
 */
export function feedUrlProblem(input: string): string | undefined {
  if (input.length > MAX_URL_LENGTH) return `The address is too long (${input.length} characters; at most ${MAX_URL_LENGTH}).`;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return 'Enter a web address starting with https://';
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    return `Mutual reads feeds only over https://, so that nobody on the network can read or change the list: use https://${url.host}${url.pathname}${url.search} instead.`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Enter a web address starting with https://';
  if (url.username || url.password) {
    return 'Remove the user name and password from the address: Mutual never sends them in a URL. If the feed needs a sign-in, sign in to the site in this browser.';
  }
  return undefined;
}

const UserSourceSchema = z.discriminatedUnion('kind', [
  z.object({ id: z.string().check(z.maxLength(300)), kind: z.literal('url'), url: httpUrl, label: z.string().check(z.maxLength(120)) }),
  z.object({ id: z.string().check(z.maxLength(300)), kind: z.literal('file'), fileName: z.string().check(z.maxLength(255)), label: z.string().check(z.maxLength(120)) }),
]);

/** The user's own choices, kept in the 'settings' store. */
export const DirectorySettingsSchema = z.object({
  demoEnabled: z.boolean(),
  sources: z.array(UserSourceSchema).check(z.maxLength(50)),
});
export type DirectorySettings = z.infer<typeof DirectorySettingsSchema>;

export const DEFAULT_DIRECTORY_SETTINGS: DirectorySettings = { demoEnabled: true, sources: [] };

/** Keys an administrator may set (public/managed_schema.json); anything malformed is ignored, not fatal. */
const DirectoryPolicySchema = z.object({
  organizationName: z.catch(z.optional(z.string().check(z.trim(), z.maxLength(120))), undefined),
  directoryFeeds: z.catch(z.optional(z.array(z.unknown())), undefined),
  joinFormUrl: z.catch(z.optional(httpUrl), undefined),
  demoDirectory: z.catch(z.optional(z.boolean()), undefined),
  consentMaxAgeDays: z.catch(z.optional(z.number().check(z.int(), z.gte(1), z.lte(3650))), undefined),
});
export type DirectoryPolicy = Omit<z.infer<typeof DirectoryPolicySchema>, 'directoryFeeds'> & {
  /** Feeds Mutual reads: the first MAX_POLICY_FEEDS usable ones. */
  directoryFeeds?: string[];
  /** What in the policy was not used, and why: shown to the user, for their administrator. */
  warnings?: string[];
};

/** The policy's feeds Mutual can read, the first MAX_POLICY_FEEDS of them, and what it left out. */
function policyFeeds(values: readonly unknown[]): { feeds: string[]; warnings: string[] } {
  const warnings: string[] = [];
  const usable = values.filter((value): value is string => {
    const problem = typeof value === 'string' ? feedUrlProblem(value) : 'it is not a web address.';
    if (problem) warnings.push(`Your organization's feed ${typeof value === 'string' ? `"${value.slice(0, 200)}"` : `#${values.indexOf(value) + 1}`} is not used: ${problem}`);
    return !problem;
  });
  if (usable.length > MAX_POLICY_FEEDS) {
    warnings.push(`Your organization's policy lists ${usable.length} feeds; Mutual reads the first ${MAX_POLICY_FEEDS} and leaves out the other ${usable.length - MAX_POLICY_FEEDS}.`);
  }
  return { feeds: usable.slice(0, MAX_POLICY_FEEDS), warnings };
}

export function parsePolicy(value: unknown): DirectoryPolicy {
  const parsed = DirectoryPolicySchema.safeParse(value ?? {});
  if (!parsed.success) return {};
  const { directoryFeeds, ...rest } = parsed.data;
  if (!directoryFeeds) return rest;
  const { feeds, warnings } = policyFeeds(directoryFeeds);
  return { ...rest, directoryFeeds: feeds, ...(warnings.length ? { warnings } : {}) };
}

export function maxAgeDays(policy: DirectoryPolicy): number {
  return policy.consentMaxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
}

/** "intranet.example.com/people/mentors.csv": what a person recognizes a feed by. */
export function labelForUrl(url: string): string {
  const parsed = new URL(url);
  return (parsed.host + parsed.pathname).replace(/\/$/, '').slice(0, 120);
}

export function urlSourceId(url: string, byPolicy: boolean): string {
  return `${byPolicy ? 'policy' : 'url'}:${url}`;
}

/** Every source in display order: policy feeds, the demo, then the user's own. */
export function listSources(settings: DirectorySettings, policy: DirectoryPolicy): DirectorySource[] {
  const feeds = (policy.directoryFeeds ?? []).filter((url) => !feedUrlProblem(url)).slice(0, MAX_POLICY_FEEDS);
  const organization = policy.organizationName;
  const fromPolicy = feeds.map((url): DirectorySource => ({
    id: urlSourceId(url, true),
    kind: 'url',
    url,
    label: organization && feeds.length === 1 ? `${organization} directory` : labelForUrl(url),
    enabled: true,
    locked: true,
  }));
  const demo: DirectorySource = {
    id: DEMO_SOURCE_ID,
    kind: 'demo',
    label: 'Demo directory (fictional colleagues)',
    enabled: policy.demoDirectory ?? settings.demoEnabled,
    locked: policy.demoDirectory !== undefined,
  };
  const own = settings.sources
    .filter((source) => source.kind === 'file' || !feeds.includes(source.url))
    .map((source) => ({ ...source, enabled: true as const, locked: false as const }));
  return [...fromPolicy, demo, ...own];
}

/** A feed URL the user typed, checked (feedUrlProblem). */
export function parseFeedUrl(input: string): { ok: true; url: string; origin: string } | { ok: false; message: string } {
  const trimmed = input.trim();
  const problem = feedUrlProblem(trimmed);
  if (problem) return { ok: false, message: problem };
  const url = new URL(trimmed);
  return { ok: true, url: url.href, origin: url.origin };
}
