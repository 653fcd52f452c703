import { useMemo, useState, type FocusEvent, type ReactNode } from 'react';
import { ChoiceGroup, type Choice } from '@/components/ui/ChoiceGroup';
import { Field } from '@/components/ui/Field';
import { TagInput } from '@/components/ui/TagInput';
import { downloadText } from '@/components/ui/files';
import {
  CADENCES,
  CAREER_STAGE_LABELS,
  CAREER_STAGES,
  detectTimeZone,
  MEETING_FORMATS,
  PARTNERSHIP_KINDS,
  type Cadence,
  type CareerStage,
  type MatchWeights,
  type MeetingFormat,
  type PartnershipKind,
  type ProfileDraft,
} from '@/lib/profile';
import { DEFAULT_WEIGHTS } from '@/lib/match';
import type { SkillSuggestion } from '@/lib/skills';
import { LinkedInImport } from './LinkedInImport';
import { SaveStatus } from './SaveStatus';
import { LearnRows, TeachRows } from './SkillRows';
import type { ProfileEditor } from './useProfileEditor';
import './profile.css';

const CADENCE_LABELS: Record<Cadence, string> = { weekly: 'Every week', biweekly: 'Every two weeks', monthly: 'Every month' };

const PARTNERSHIP_LABELS: Record<PartnershipKind, Omit<Choice<PartnershipKind>, 'value'>> = {
  'reverse-mentor': { label: 'Reverse mentoring, as the mentor', description: 'I am earlier in my career and teach a senior colleague.' },
  'reverse-mentee': { label: 'Reverse mentoring, as the senior', description: 'A colleague earlier in their career teaches me.' },
  'two-way': { label: 'Two-way exchange', description: 'We each teach the other something.' },
  traditional: { label: 'Traditional mentoring', description: 'The more experienced one of us mentors the other.' },
};
const PARTNERSHIP_CHOICES: readonly Choice<PartnershipKind>[] = PARTNERSHIP_KINDS.map((value) => ({ value, ...PARTNERSHIP_LABELS[value] }));
const FORMAT_LABELS: Record<MeetingFormat, string> = { video: 'Video call', 'in-person': 'In person', chat: 'Chat', phone: 'Phone' };
const FORMAT_CHOICES: readonly Choice<MeetingFormat>[] = MEETING_FORMATS.map((value) => ({ value, label: FORMAT_LABELS[value] }));
const STATUS_CHOICES: readonly Choice<ProfileDraft['status']>[] = [
  { value: 'open', label: 'Open to new partners' },
  { value: 'paused', label: 'Paused', description: 'Keep my profile, but I am not looking for a partner right now.' },
];

/** The weights a person can set for the silo-breaking factors; the engine's defaults are "Normal". */
const WEIGHT_LEVELS: readonly { value: number; label: string }[] = [
  { value: 0, label: 'Not at all' },
  { value: 0.5, label: 'A little' },
  { value: 1, label: 'Normal' },
  { value: 2, label: 'More' },
  { value: 3, label: 'Much more' },
];

const SILO_FACTORS: readonly { key: 'crossDepartment' | 'crossGeneration'; label: string; hint: string }[] = [
  { key: 'crossDepartment', label: 'Prefer partners in another department', hint: 'Pairs across departments break silos.' },
  { key: 'crossGeneration', label: 'Prefer partners at another stage of their career', hint: 'An early-career colleague and an executive learn most from each other.' },
];

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  // The detected zone may be an alias the list leaves out (UTC): it must still be selectable.
  return zones.includes(current) ? zones : [current, ...zones];
}

function Group({ id, title, hint, children }: { id: string; title: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <section className="form-group" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {hint && <p className="field-hint group-hint">{hint}</p>}
      <div className="form-group-fields">{children}</div>
    </section>
  );
}

export interface ProfileFormProps {
  editor: ProfileEditor;
  suggest: (query: string) => SkillSuggestion[];
}

/** The profile, grouped so a first-time user is done in about two minutes; everything saves as it is typed. */
export function ProfileForm({ editor, suggest }: ProfileFormProps) {
  const { draft, update } = editor;
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const zones = useMemo(() => timeZones(draft.timeZone), [draft.timeZone]);
  const detected = useMemo(detectTimeZone, []);

  /** A message shows once the user has left the field (or it came back with a restored draft). */
  function errorFor(path: string): string | undefined {
    return touched.has(path) || editor.restoredErrors.has(path) ? editor.errors[path] : undefined;
  }

  function onBlur(event: FocusEvent<HTMLFormElement>) {
    const name = (event.target as Partial<HTMLInputElement>).name;
    if (name && !touched.has(name)) setTouched(new Set(touched).add(name));
  }

  function set<K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) {
    update((current) => ({ ...current, [key]: value }));
  }

  function setGoal<K extends keyof ProfileDraft['goals']>(key: K, value: ProfileDraft['goals'][K]) {
    update((current) => ({ ...current, goals: { ...current.goals, [key]: value } }));
  }

  const text = (key: 'name' | 'email' | 'title' | 'department' | 'location', label: string, extra: { type?: string; autoComplete?: string; hint?: string } = {}) => (
    <Field label={label} error={errorFor(key)} {...(extra.hint ? { hint: extra.hint } : {})}>
      {(control) => (
        <input {...control} name={key} type={extra.type ?? 'text'} autoComplete={extra.autoComplete ?? 'off'} value={draft[key]} onChange={(event) => set(key, event.target.value)} />
      )}
    </Field>
  );

  const number = (path: string, label: string, value: string, onChange: (value: string) => void, hint?: string) => (
    <Field label={label} error={errorFor(path)} {...(hint ? { hint } : {})} className="field-number">
      {(control) => <input {...control} name={path} inputMode="numeric" autoComplete="off" value={value} onChange={(event) => onChange(event.target.value)} />}
    </Field>
  );

  return (
    <form
      className="profile-form"
      aria-label="Your profile"
      noValidate
      onBlur={onBlur}
      // Enter in a field saves at once instead of reloading the page.
      onSubmit={(event) => {
        event.preventDefault();
        void editor.flush();
      }}
    >
      {editor.unreadable && (
        <div className="notice error" role="alert">
          <p>
            <strong>Your saved profile could not be read.</strong> {editor.unreadable.issues.join('; ')}
          </p>
          <p>The form shows what could be recovered. The unreadable copy stays saved, untouched, until you replace it.</p>
          <div className="button-row">
            <button type="button" onClick={() => downloadText('mutual-unreadable-profile.json', JSON.stringify(editor.unreadable?.stored, null, 2))}>
              Download the unreadable copy
            </button>
            <button type="button" className="primary" onClick={() => void editor.replaceUnreadable()}>
              Replace it with this form
            </button>
          </div>
        </div>
      )}

      <LinkedInImport onImport={editor.mergeLinkedIn} />

      <Group id="about-you" title="About you">
        {text('name', 'Name', { autoComplete: 'name' })}
        {text('email', 'Work email', { type: 'email', autoComplete: 'email', hint: 'Shared only if you join a directory.' })}
        {text('title', 'Job title', { autoComplete: 'organization-title' })}
        {text('department', 'Department or team')}
        {text('location', 'Location', { hint: 'City or office.' })}
        <Field label="Time zone" error={errorFor('timeZone')} {...(draft.timeZone === detected ? { hint: 'Detected from this computer.' } : {})}>
          {(control) => (
            <select {...control} name="timeZone" value={draft.timeZone} onChange={(event) => set('timeZone', event.target.value)}>
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Career stage" hint="Career stage, not age: it decides who teaches whom in reverse mentoring.">
          {(control) => (
            <select {...control} name="careerStage" value={draft.careerStage} onChange={(event) => set('careerStage', event.target.value as CareerStage)}>
              {CAREER_STAGES.map((stage) => (
                <option key={stage} value={stage}>
                  {CAREER_STAGE_LABELS[stage]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TagInput label="Languages" itemsLabel="Languages" name="languages" value={draft.languages} error={errorFor('languages')} onChange={(value) => set('languages', value)} />
      </Group>

      <Group id="i-can-teach" title="I can teach" hint="Skills you could help a colleague with. Pick a suggestion or keep your own words.">
        <TeachRows rows={draft.teach} onChange={(teach) => set('teach', teach)} errorFor={errorFor} suggest={suggest} />
      </Group>

      <Group
        id="i-want-to-learn"
        title="I want to learn"
        hint={
          <>
            Make each ask concrete: ‘be able to run our TikTok account’, not ‘social media’. Concrete asks find better partners.
          </>
        }
      >
        <LearnRows rows={draft.learn} onChange={(learn) => set('learn', learn)} errorFor={errorFor} suggest={suggest} />
      </Group>

      <Group id="interests-ergs" title="Interests and ERGs" hint="Common ground outside the skills: it makes a first conversation easier.">
        <TagInput label="Interests" itemsLabel="Interests" name="interests" value={draft.interests} error={errorFor('interests')} onChange={(value) => set('interests', value)} hint="For example chess, running, sci-fi. Press Enter or type a comma after each one." />
        <TagInput
          label="Employee resource groups (ERGs)"
          itemsLabel="Employee resource groups"
          name="ergs"
          value={draft.ergs}
          error={errorFor('ergs')}
          onChange={(value) => set('ergs', value)}
          hint="For example Women in Tech or the Pride Network. Press Enter or type a comma after each one."
        />
      </Group>

      <Group id="partnership" title="What I want from a partnership">
        <Field label="What I want to get out of it" error={errorFor('goals.objective')} className="field-wide">
          {(control) => <textarea {...control} name="goals.objective" value={draft.goals.objective} onChange={(event) => setGoal('objective', event.target.value)} />}
        </Field>
        {number('goals.durationMonths', 'How long (months)', draft.goals.durationMonths, (value) => setGoal('durationMonths', value), '1 to 24')}
        <Field label="How often">
          {(control) => (
            <select {...control} name="goals.cadence" value={draft.goals.cadence} onChange={(event) => setGoal('cadence', event.target.value as Cadence)}>
              {CADENCES.map((cadence) => (
                <option key={cadence} value={cadence}>
                  {CADENCE_LABELS[cadence]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {number('goals.sessionMinutes', 'Session length (minutes)', draft.goals.sessionMinutes, (value) => setGoal('sessionMinutes', value), '15 to 180')}
        <Field label="How we’ll know it worked" error={errorFor('goals.successMeasure')} className="field-wide">
          {(control) => <textarea {...control} name="goals.successMeasure" value={draft.goals.successMeasure} onChange={(event) => setGoal('successMeasure', event.target.value)} />}
        </Field>
        <div className="field-wide">
          <ChoiceGroup legend="Kinds of partnership I’m open to" name="openTo" multiple choices={PARTNERSHIP_CHOICES} value={draft.openTo} onChange={(value) => set('openTo', value)} />
        </div>
      </Group>

      <Group id="logistics" title="Logistics">
        <ChoiceGroup legend="Meeting formats" name="formats" multiple choices={FORMAT_CHOICES} value={draft.formats} onChange={(value) => set('formats', value)} />
        {number('capacity', 'How many partners at a time', draft.capacity, (value) => set('capacity', value), '0 to 10; 0 if you cannot take anyone right now.')}
        <ChoiceGroup legend="Status" name="status" choices={STATUS_CHOICES} value={draft.status} onChange={(value) => set('status', value)} />
      </Group>

      <Group id="ranking" title="How partners are ranked" hint="These add to a good skill exchange; they never replace it.">
        {SILO_FACTORS.map(({ key, label, hint }) => {
          const weights: Required<MatchWeights> = { ...DEFAULT_WEIGHTS, ...editor.saved.weights };
          return (
            <Field key={key} label={label} hint={hint}>
              {(control) => (
                <select {...control} name={`weights.${key}`} value={String(weights[key])} onChange={(event) => void editor.setWeights({ ...weights, [key]: Number(event.target.value) })}>
                  {/* A weight set elsewhere (an imported profile) stays selectable. */}
                  {(WEIGHT_LEVELS.some((level) => level.value === weights[key]) ? WEIGHT_LEVELS : [...WEIGHT_LEVELS, { value: weights[key], label: String(weights[key]) }]).map((level) => (
                    <option key={level.value} value={String(level.value)}>
                      {level.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          );
        })}
      </Group>

      <SaveStatus status={editor.status} onRetry={() => void editor.flush()} />
    </form>
  );
}
