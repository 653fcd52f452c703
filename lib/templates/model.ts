import { z } from '../schema';

/** What a template is for; suggestTemplate picks among the built-in kinds. */
const TEMPLATE_KINDS = [
  'reverse-request',
  'reverse-invite',
  'mentor-request',
  'two-way',
  'erg-intro',
  'follow-up',
  'first-meeting',
  'thank-you',
  'decline',
  'custom',
] as const;
const TemplateKindSchema = z.enum(TEMPLATE_KINDS);
export type TemplateKind = z.infer<typeof TemplateKindSchema>;

export const TEMPLATE_LIMITS = { id: 80, name: 80, subject: 200, body: 5000 } as const;

const text = (max: number) => z.string().check(z.maxLength(max, `Use at most ${max} characters`));

/** One outreach template. Subject and body use the syntax in docs/templates.md. */
export const TemplateSchema = z.object({
  id: z.string().check(z.trim(), z.minLength(1), z.maxLength(TEMPLATE_LIMITS.id)),
  name: text(TEMPLATE_LIMITS.name).check(z.trim(), z.minLength(1, 'Give the template a name')),
  kind: TemplateKindSchema,
  subject: text(TEMPLATE_LIMITS.subject),
  body: text(TEMPLATE_LIMITS.body).check(z.minLength(1, 'Write the message')),
  /** Written for Mutual; the user may edit it and reset it to the original. */
  builtIn: z.boolean(),
  updatedAt: z.optional(z.iso.datetime()),
});
export type Template = z.infer<typeof TemplateSchema>;

/** What an organization supplies through enterprise policy (managed storage key `templates`). */
export const ManagedTemplateSchema = z.extend(z.pick(TemplateSchema, { id: true, name: true, subject: true, body: true }), {
  kind: z._default(TemplateKindSchema, 'custom'),
  subject: z._default(text(TEMPLATE_LIMITS.subject), ''),
});

/** Where a template in the library comes from: decides what the user may do with it. */
export type TemplateOrigin = 'built-in' | 'user' | 'organization';

export type LibraryTemplate = Template & {
  origin: TemplateOrigin;
  /** A built-in template the user has edited (it can be reset). */
  modified: boolean;
};
