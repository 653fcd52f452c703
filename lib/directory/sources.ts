import { z } from 'zod';
import { DEFAULT_MAX_AGE_DAYS } from './validate';

/**
 * Where directory entries come from: the built-in demo, feed URLs the user added, files the user
 * imported, and feeds set by the organization's policy (managed storage), which the user sees but
 * cannot change.
 */
export const DEMO_SOURCE_ID = 'demo';

export type DirectorySource =
  | { id: typeof DEMO_SOURCE_ID; kind: 'demo'; label: string; enabled: boolean; locked: boolean }
  | { id: string; kind: 'url'; label: string; url: string; enabled: true; locked: boolean }
  | { id: string; kind: 'file'; label: string; fileName: string; enabled: true; locked: false };

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'Enter a web address starting with https://' })
  .max(2000, 'The address is too long');

export const UserSourceSchema = z.discriminatedUnion('kind', [
  z.object({ id: z.string().max(300), kind: z.literal('url'), url: httpUrl, label: z.string().max(120) }),
  z.object({ id: z.string().max(300), kind: z.literal('file'), fileName: z.string().max(255), label: z.string().max(120) }),
]);
export type UserSource = z.infer<typeof UserSourceSchema>;

/** The user's own choices, kept in the 'settings' store. */
export const DirectorySettingsSchema = z.object({
  demoEnabled: z.boolean(),
  sources: z.array(UserSourceSchema).max(50),
});
export type DirectorySettings = z.infer<typeof DirectorySettingsSchema>;

export const DEFAULT_DIRECTORY_SETTINGS: DirectorySettings = { demoEnabled: true, sources: [] };

/** Keys an administrator may set (public/managed_schema.json); anything malformed is ignored, not fatal. */
export const DirectoryPolicySchema = z.object({
  organizationName: z.string().trim().max(120).optional().catch(undefined),
  directoryFeeds: z.array(z.string()).max(50).optional().catch(undefined),
  joinFormUrl: httpUrl.optional().catch(undefined),
  demoDirectory: z.boolean().optional().catch(undefined),
  consentMaxAgeDays: z.number().int().min(1).max(3650).optional().catch(undefined),
});
export type DirectoryPolicy = z.infer<typeof DirectoryPolicySchema>;

export function parsePolicy(value: unknown): DirectoryPolicy {
  const parsed = DirectoryPolicySchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
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
  const policyFeeds = (policy.directoryFeeds ?? []).filter((url) => httpUrl.safeParse(url).success);
  const organization = policy.organizationName;
  const fromPolicy = policyFeeds.map((url): DirectorySource => ({
    id: urlSourceId(url, true),
    kind: 'url',
    url,
    label: organization && policyFeeds.length === 1 ? `${organization} directory` : labelForUrl(url),
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
    .filter((source) => source.kind === 'file' || !policyFeeds.includes(source.url))
    .map((source) => ({ ...source, enabled: true as const, locked: false as const }));
  return [...fromPolicy, demo, ...own];
}

/** A feed URL the user typed, checked: http(s) only, no credentials in it. */
export function parseFeedUrl(input: string): { ok: true; url: string; origin: string } | { ok: false; message: string } {
  const parsed = httpUrl.safeParse(input.trim());
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Not a web address' };
  const url = new URL(parsed.data);
  if (url.username || url.password) return { ok: false, message: 'Remove the user name and password from the address.' };
  return { ok: true, url: url.href, origin: url.origin };
}
