import { demoFeedEntries, entryId, type DirectoryEntry } from '../../../lib/directory';
import { SAMPLE_CONTEXT, type OutreachContext } from '../../../lib/templates';

/** The demo directory's people as entries (fixed date: the same people every run). */
export function demoEntries(count = 60): DirectoryEntry[] {
  return demoFeedEntries(new Date('2026-11-01T00:00:00Z'), count).map((entry) => ({ ...entry, id: entryId(entry.email) }));
}

/** A context for `partner` the way the integrator builds it from a match: skills each way, shared ERGs and interests. */
export function contextFor(partner: DirectoryEntry, me = SAMPLE_CONTEXT.me): OutreachContext {
  const lower = (values: string[]) => values.map((value) => value.toLowerCase());
  const myLearn = lower(me.learn.map((skill) => skill.name));
  const myTeach = lower(me.teach.map((skill) => skill.name));
  return {
    me,
    partner,
    theyTeachMe: partner.teach.map((skill) => skill.name).filter((name) => myLearn.includes(name.toLowerCase())),
    iTeachThem: partner.learn.map((skill) => skill.name).filter((name) => myTeach.includes(name.toLowerCase())),
    sharedErgs: partner.ergs.filter((erg) => me.ergs.includes(erg)),
    sharedInterests: partner.interests.filter((interest) => me.interests.includes(interest)),
  };
}

export function withPartner(overrides: Partial<DirectoryEntry>, context: OutreachContext = SAMPLE_CONTEXT): OutreachContext {
  return { ...context, partner: { ...context.partner, ...overrides } };
}
