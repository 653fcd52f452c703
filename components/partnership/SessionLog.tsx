import { useState, type FormEvent } from 'react';
import { balanceOf, isoDateOf, SessionLogEntrySchema, wallTimeAt, type Partnership, type SessionLogEntry } from '@/lib/partnerships';
import { Field } from '@/components/ui/Field';
import type { Say } from './MessageBox';
import type { PartnershipServices } from './services';

const LABELS: Partial<Record<keyof SessionLogEntry, string>> = {
  date: 'Date',
  learned: 'What I learned',
  taught: 'What I taught',
  minutesLearning: 'Minutes learning',
  minutesTeaching: 'Minutes teaching',
};

/** The private log of one partnership: dated notes each way, and the balance between teaching and learning. */
export function SessionLog(props: { partnership: Partnership; log: SessionLogEntry[]; timeZone: string; services: PartnershipServices; say: Say; onAdded(entry: SessionLogEntry): void }) {
  const { services, say } = props;
  const today = isoDateOf(wallTimeAt(props.timeZone, services.now()));
  const minutes = props.partnership.agreement?.sessionMinutes ?? 45;
  const empty = { date: today, learned: '', taught: '', minutesLearning: String(Math.round(minutes / 2)), minutesTeaching: String(minutes - Math.round(minutes / 2)) };
  const [form, setForm] = useState(empty);
  const balance = balanceOf(props.log);

  async function add(event: FormEvent) {
    event.preventDefault();
    const parsed = SessionLogEntrySchema.safeParse({
      partnershipId: props.partnership.id,
      date: form.date,
      learned: form.learned,
      taught: form.taught,
      minutesLearning: Number(form.minutesLearning || 0),
      minutesTeaching: Number(form.minutesTeaching || 0),
      at: services.now().toISOString(),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return say(`${LABELS[issue.path[0] as keyof SessionLogEntry] ?? 'The session'}: ${issue.message}.`, 'error');
    }
    props.onAdded(await services.addSession(parsed.data));
    setForm(empty);
    say(`Session of ${parsed.data.date} logged. ${balanceOf([...props.log, parsed.data]).summary}`);
  }

  const input = (key: keyof typeof form, type: 'text' | 'number' | 'date') => (
    <Field label={LABELS[key]!}>
      {(control) =>
        type === 'text' ? (
          <textarea {...control} rows={2} value={form[key]} onChange={(event) => setForm({ ...form, [key]: event.target.value })} />
        ) : (
          <input {...control} type={type} min={type === 'number' ? 0 : undefined} max={type === 'number' ? 600 : undefined} value={form[key]} onChange={(event) => setForm({ ...form, [key]: event.target.value })} />
        )
      }
    </Field>
  );

  return (
    <section aria-labelledby="log-heading" className="partnership-part">
      <h3 id="log-heading">Private session log</h3>
      <p className="field-hint">Only in this browser: never shared, unless you export your data.</p>
      <p className="balance">
        <strong>{balance.summary}</strong> {balance.nudge}
      </p>
      <form onSubmit={(event) => void add(event)} className="form-grid" aria-label="Log a session">
        {input('date', 'date')}
        {input('minutesLearning', 'number')}
        {input('minutesTeaching', 'number')}
        {input('learned', 'text')}
        {input('taught', 'text')}
        <div className="button-row wide">
          <button type="submit" className="primary">
            Log session
          </button>
        </div>
      </form>
      {props.log.length > 0 && (
        <table className="log-table">
          <caption className="visually-hidden">Sessions logged with {props.partnership.partnerName}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Learned</th>
              <th scope="col">Taught</th>
              <th scope="col">Minutes (learning / teaching)</th>
            </tr>
          </thead>
          <tbody>
            {props.log.map((entry) => (
              <tr key={entry.at + entry.date}>
                <td>{entry.date}</td>
                <td>{entry.learned}</td>
                <td>{entry.taught}</td>
                <td>
                  {entry.minutesLearning} / {entry.minutesTeaching}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
