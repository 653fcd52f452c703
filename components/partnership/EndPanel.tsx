import { useRef, useState, type FormEvent } from 'react';
import {
  balanceOf,
  graduateSkills,
  learnedSkills,
  messageOfKind,
  OBJECTIVE_ANSWERS,
  partnershipStory,
  type Partnership,
  type Reflection,
  type SessionLogEntry,
} from '@/lib/partnerships';
import type { Profile } from '@/lib/profile';
import type { Template, TemplateValues } from '@/lib/templates';
import { Field } from '@/components/ui/Field';
import { MessageBox, type Say } from './MessageBox';
import type { NextPartner, PartnershipServices } from './services';

const ANSWER_LABELS: Record<Reflection['myObjectivesMet'], string> = { yes: 'Yes', partly: 'Partly', no: 'Not yet' };

function ObjectiveChoice(props: { legend: string; name: string; value: Reflection['myObjectivesMet']; onChange(value: Reflection['myObjectivesMet']): void }) {
  return (
    <fieldset className="choice-group">
      <legend>{props.legend}</legend>
      <div className="button-row">
        {OBJECTIVE_ANSWERS.map((answer) => (
          <label key={answer} className="choice">
            <input type="radio" name={props.name} value={answer} checked={props.value === answer} onChange={() => props.onChange(answer)} />
            {ANSWER_LABELS[answer]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Evaluate, celebrate, move on: the reflection, a thank-you, a story to share and the next partner. */
export function EndPanel(props: {
  partnership: Partnership;
  profile: Profile;
  log: SessionLogEntry[];
  values: TemplateValues;
  templates: Template[];
  askedIds: ReadonlySet<string>;
  services: PartnershipServices;
  say: Say;
  onSaved(partnership: Partnership): void;
  onProfile(profile: Profile): void;
}) {
  const { partnership, services, say } = props;
  const [draft, setDraft] = useState({ myObjectivesMet: 'yes' as Reflection['myObjectivesMet'], theirObjectivesMet: 'yes' as Reflection['myObjectivesMet'], pairAgain: true, shareLine: '' });
  const reflection = partnership.reflection;
  const thanks = messageOfKind(props.templates, 'thank-you', props.values);
  const [thankYou, setThankYou] = useState(thanks.body);
  const story = reflection && partnershipStory({ partnership, agreement: partnership.agreement, reflection, balance: balanceOf(props.log), myName: props.profile.name });
  const [storyText, setStoryText] = useState<string>();
  const learned = partnership.agreement ? learnedSkills(props.profile, partnership.agreement) : [];
  const [moving, setMoving] = useState<string[]>([]);
  const [next, setNext] = useState<NextPartner[]>();
  // The form that had focus is gone once the reflection is saved: focus goes to what replaced it.
  const justSaved = useRef(false);
  const focusOnce = (heading: HTMLHeadingElement | null) => {
    if (heading && justSaved.current) {
      justSaved.current = false;
      heading.focus();
    }
  };

  async function saveReflection(event: FormEvent) {
    event.preventDefault();
    const saved = await services.save({ ...partnership, reflection: { ...draft, shareLine: draft.shareLine.trim(), at: services.now().toISOString() }, updatedAt: services.now().toISOString() });
    justSaved.current = true;
    props.onSaved(saved);
    say('Reflection saved. Below: a thank-you, a story you may share, and your next partner.');
  }

  async function findNext() {
    let profile = props.profile;
    if (moving.length > 0) {
      profile = graduateSkills(profile, moving, services.now());
      await services.saveProfile(profile);
      props.onProfile(profile);
    }
    const found = await services.nextPartners(profile, props.askedIds);
    setNext(found);
    const movedNote = moving.length > 0 ? `${moving.join(', ')} moved to “can teach”. ` : '';
    say(found.length > 0 ? `${movedNote}${found.length} suggested ${found.length === 1 ? 'partner' : 'partners'} below.` : `${movedNote}No new match in the directory right now.`);
  }

  if (!reflection) {
    return (
      <section aria-labelledby="reflect-heading" className="partnership-part">
        <h3 id="reflect-heading">Reflect</h3>
        <form onSubmit={(event) => void saveReflection(event)} className="stack">
          <ObjectiveChoice legend="Did you meet your objectives?" name="mine" value={draft.myObjectivesMet} onChange={(value) => setDraft({ ...draft, myObjectivesMet: value })} />
          <ObjectiveChoice legend={`Did ${partnership.partnerName} meet theirs?`} name="theirs" value={draft.theirObjectivesMet} onChange={(value) => setDraft({ ...draft, theirObjectivesMet: value })} />
          <label className="choice">
            <input type="checkbox" checked={draft.pairAgain} onChange={(event) => setDraft({ ...draft, pairAgain: event.target.checked })} />
            I would pair with {partnership.partnerName} again
          </label>
          <Field label="One line you would share" hint="Optional. It goes into the story below; nothing is shared unless you copy or insert it.">
            {(control) => <input {...control} type="text" maxLength={280} value={draft.shareLine} onChange={(event) => setDraft({ ...draft, shareLine: event.target.value })} />}
          </Field>
          <div className="button-row">
            <button type="submit" className="primary">
              Save reflection
            </button>
          </div>
        </form>
      </section>
    );
  }

  return (
    <section aria-labelledby="celebrate-heading" className="partnership-part">
      <h3 id="celebrate-heading" ref={focusOnce} tabIndex={-1}>
        Celebrate
      </h3>
      <MessageBox label={`Thank-you message to ${partnership.partnerName}`} text={thankYou} onChange={setThankYou} missing={thanks.missing} services={services} say={say} rows={8} />
      <MessageBox label="Your story (Markdown, optional to share)" text={storyText ?? story ?? ''} onChange={setStoryText} missing={[]} services={services} say={say} rows={8} />
      <h3 id="next-heading">Find my next partner</h3>
      {learned.length > 0 && (
        <fieldset className="choice-group">
          <legend>Can you teach these now? Ticked skills move from “want to learn” to “can teach” in your profile.</legend>
          {learned.map((skill) => (
            <label key={skill} className="choice">
              <input type="checkbox" checked={moving.includes(skill)} onChange={(event) => setMoving(event.target.checked ? [...moving, skill] : moving.filter((item) => item !== skill))} />
              {skill}
            </label>
          ))}
        </fieldset>
      )}
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void findNext()}>
          Find my next partner
        </button>
      </div>
      {next && next.length > 0 && (
        <ol className="next-partners" aria-labelledby="next-heading">
          {next.map((partner) => (
            <li key={partner.id}>
              <strong>{partner.name}</strong>
              {partner.title && <span className="muted"> · {partner.title}</span>}
              {partner.reason && <p>{partner.reason}</p>}
            </li>
          ))}
        </ol>
      )}
      {next?.length === 0 && <p>No new match in the directory right now: check again after the next sync.</p>}
    </section>
  );
}
