import { useMemo, useState } from 'react';
import {
  agreementIcs,
  AgreementSchema,
  CADENCE_LABELS,
  FORMAT_LABELS,
  icsFileName,
  placeOf,
  renderAgreement,
  type Agreement,
  type Partnership,
} from '@/lib/partnerships';
import { CADENCES, MEETING_FORMATS } from '@/lib/profile';
import type { TemplateValues } from '@/lib/templates';
import { Field } from '@/components/ui/Field';
import { MessageBox, type Say } from './MessageBox';
import type { PartnershipServices } from './services';

const LABELS: Record<keyof Agreement, string> = {
  iTeach: 'You teach them',
  theirAsk: 'Their concrete ask',
  theyTeach: 'They teach you',
  myAsk: 'Your concrete ask',
  format: 'Format',
  cadence: 'How often',
  sessionMinutes: 'Minutes per session',
  durationMonths: 'For how many months',
  startDate: 'First meeting',
  time: 'Time (yours)',
  myTimeZone: 'Your time zone',
  theirTimeZone: 'Their time zone',
  mySuccess: 'How you will know it worked',
  theirSuccess: 'How they will know it worked',
  groundRules: 'Ground rules (one per line)',
};

/** The first problem with the terms, in the words of the form: the field's label and what would work. */
function problemOf(terms: Agreement): string | undefined {
  const parsed = AgreementSchema.safeParse(terms);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0]!;
  return `${LABELS[issue.path[0] as keyof Agreement] ?? 'The agreement'}: ${issue.message}.`;
}

export function AgreementPanel(props: {
  partnership: Partnership;
  initial: Agreement;
  values: TemplateValues;
  myName: string;
  services: PartnershipServices;
  say: Say;
  onSaved(partnership: Partnership): void;
  /** Shown while the partnership is agreed but not started. */
  onStart?(agreement: Agreement): void;
}) {
  const { partnership, values, services, say } = props;
  const [terms, setTerms] = useState<Agreement>(props.initial);
  const [rulesText, setRulesText] = useState(props.initial.groundRules.join('\n'));
  const rendered = useMemo(() => renderAgreement(terms, values), [terms, values]);
  const [text, setText] = useState(rendered.text);
  const [shownFor, setShownFor] = useState(rendered.text);
  // New terms write the text afresh; edits to the text alone stay until then.
  if (shownFor !== rendered.text) {
    setShownFor(rendered.text);
    setText(rendered.text);
  }
  const set = <K extends keyof Agreement>(key: K, value: Agreement[K]) => setTerms((current) => ({ ...current, [key]: value }));
  const textField = (key: 'iTeach' | 'theirAsk' | 'theyTeach' | 'myAsk' | 'mySuccess' | 'theirSuccess' | 'theirTimeZone') => (
    <Field label={LABELS[key]}>{(control) => <input {...control} type="text" value={terms[key]} onChange={(event) => set(key, event.target.value)} />}</Field>
  );

  async function save(next: Partial<Partnership> = {}): Promise<Partnership | undefined> {
    const problem = problemOf(terms);
    if (problem) {
      say(problem, 'error');
      return undefined;
    }
    const saved = await services.save({ ...partnership, ...next, agreement: terms, updatedAt: services.now().toISOString() });
    props.onSaved(saved);
    return saved;
  }

  function downloadIcs() {
    const problem = problemOf(terms);
    const ics = !problem && agreementIcs(terms, { me: props.myName || 'Me', them: partnership.partnerName }, { uid: partnership.id, now: services.now(), description: text });
    if (!ics) return say(problem ?? 'Choose a time for the meetings first: the calendar file needs one.', 'error');
    services.download(icsFileName(partnership.partnerName, terms), ics, 'text/calendar');
    say(`Calendar file downloaded: open it to add the ${terms.cadence === 'monthly' ? 'monthly' : 'recurring'} meetings to your calendar, and send it to ${partnership.partnerName}.`);
  }

  async function toggleReminders() {
    const on = !partnership.reminders.on;
    // Asked first, in the click itself (browsers ask only during a user gesture), and not waited for:
    // reminders work in the popup whatever the answer, and a question left open blocks nothing.
    const allowed = on ? services.requestNotifications() : Promise.resolve(false);
    const saved = await save({ reminders: { on } });
    if (!saved) return;
    if (!on) return say('Check-in reminders are off.');
    say('Check-in reminders are on: they show in Mutual’s popup (Partners) before each meeting.');
    if (await allowed) say('Check-in reminders are on: they show in Mutual’s popup (Partners), and as a notification 15 minutes before each meeting.');
  }

  return (
    <section aria-labelledby="agreement-heading" className="partnership-part">
      <h3 id="agreement-heading">The agreement</h3>
      <p className="field-hint">Prefilled from both profiles. Change anything the two of you agree on, then send it and add the meetings to your calendars.</p>
      <div className="form-grid">
        {textField('iTeach')}
        {textField('theirAsk')}
        {textField('theyTeach')}
        {textField('myAsk')}
        <Field label={LABELS.format}>
          {(control) => (
            <select {...control} value={terms.format} onChange={(event) => set('format', event.target.value as Agreement['format'])}>
              {MEETING_FORMATS.map((format) => (
                <option key={format} value={format}>
                  {FORMAT_LABELS[format]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={LABELS.cadence}>
          {(control) => (
            <select {...control} value={terms.cadence} onChange={(event) => set('cadence', event.target.value as Agreement['cadence'])}>
              {CADENCES.map((cadence) => (
                <option key={cadence} value={cadence}>
                  {CADENCE_LABELS[cadence]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={LABELS.sessionMinutes}>
          {(control) => <input {...control} type="number" min={15} max={180} step={5} value={terms.sessionMinutes} onChange={(event) => set('sessionMinutes', event.target.valueAsNumber)} />}
        </Field>
        <Field label={LABELS.durationMonths}>
          {(control) => <input {...control} type="number" min={1} max={24} value={terms.durationMonths} onChange={(event) => set('durationMonths', event.target.valueAsNumber)} />}
        </Field>
        <Field label={LABELS.startDate}>{(control) => <input {...control} type="date" value={terms.startDate} onChange={(event) => set('startDate', event.target.value)} />}</Field>
        <Field label={`${LABELS.time}, ${placeOf(terms.myTimeZone)}`} hint="Inside both working days when Mutual found a shared window.">
          {(control) => <input {...control} type="time" step={300} value={terms.time} onChange={(event) => set('time', event.target.value)} />}
        </Field>
        {textField('theirTimeZone')}
        {textField('mySuccess')}
        {textField('theirSuccess')}
        <Field label={LABELS.groundRules} className="wide">
          {(control) => (
            <textarea
              {...control}
              rows={5}
              value={rulesText}
              onChange={(event) => {
                setRulesText(event.target.value);
                set('groundRules', event.target.value.split('\n').map((rule) => rule.trim()).filter(Boolean));
              }}
            />
          )}
        </Field>
      </div>
      <MessageBox label="Agreement text" text={text} onChange={setText} missing={rendered.missing} services={services} say={say} rows={16} />
      <div className="button-row">
        <button type="button" onClick={() => void save().then((saved) => saved && say('Agreement saved.'))}>
          Save agreement
        </button>
        <button type="button" onClick={downloadIcs}>
          Download calendar file (.ics)
        </button>
        <button type="button" aria-pressed={partnership.reminders.on} onClick={() => void toggleReminders()}>
          Check-in reminders {partnership.reminders.on ? 'on' : 'off'}
        </button>
        {props.onStart && (
          <button type="button" className="primary" onClick={() => (problemOf(terms) ? say(problemOf(terms)!, 'error') : props.onStart!(terms))}>
            Start the partnership
          </button>
        )}
      </div>
    </section>
  );
}
