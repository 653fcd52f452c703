import { useId, useMemo, useState } from 'react';
import { SHAREABLE_FIELDS, entryProblems, entryToCsv, myEntry, type DirectoryPolicy, type ShareableField } from '@/lib/directory';
import type { Profile } from '@/lib/profile/model';

const FIELD_LABELS: Record<ShareableField, string> = {
  title: 'Job title',
  department: 'Department',
  location: 'Location',
  timeZone: 'Time zone',
  teach: 'What I can teach',
  learn: 'What I want to learn',
  asks: 'My concrete asks',
  interests: 'Interests',
  ergs: 'Employee resource groups',
  formats: 'Meeting formats',
};

/** ERG membership can reveal protected characteristics: shared only when I tick it. */
const SHARED_BY_DEFAULT = new Set<ShareableField>(SHAREABLE_FIELDS.filter((field) => field !== 'ergs'));

const currentTime = () => new Date();

function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export interface JoinPanelProps {
  profile?: Profile;
  policy: DirectoryPolicy;
  onStatus(text: string, tone?: 'info' | 'error'): void;
  now?: () => Date;
}

/** My directory entry from my profile, with the fields I choose, to send to whoever runs the directory. */
export function JoinPanel({ profile, policy, onStatus, now = currentTime }: JoinPanelProps) {
  const [share, setShare] = useState<ReadonlySet<ShareableField>>(SHARED_BY_DEFAULT);
  const jsonId = useId();
  const csvId = useId();
  const entry = useMemo(() => (profile ? myEntry(profile, share, now()) : undefined), [profile, share, now]);
  if (!profile || !entry) return <p>Fill in your profile first: your directory entry is made from it.</p>;

  const problems = entryProblems(entry);
  const json = JSON.stringify(entry, null, 2);
  const csv = entryToCsv(entry);

  function toggle(field: ShareableField, on: boolean) {
    const next = new Set(share);
    if (on) next.add(field);
    else next.delete(field);
    setShare(next);
  }

  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      onStatus(`Copied ${what} to the clipboard.`);
    } catch {
      onStatus(`Could not copy ${what}: select the text and copy it yourself.`, 'error');
    }
  }

  const organization = policy.organizationName ? `${policy.organizationName}'s` : 'your organization’s';
  return (
    <div className="directory-join">
      {policy.joinFormUrl ? (
        <p>
          <strong>Where your entry goes:</strong> {organization} join form. Open it and answer there; the entry below has your
          answers to copy. You are listed once the directory is next published and Mutual syncs it.
        </p>
      ) : (
        <p>
          <strong>Where your entry goes:</strong> to whoever keeps {organization} mentoring directory (often HR or an ERG lead).
          Download or copy your entry below and send it to them yourself — Mutual never sends it. You are listed once they add
          it and Mutual next syncs the directory.
        </p>
      )}
      <fieldset>
        <legend>Share in the directory</legend>
        <p className="muted">Always shared: your name, email, career stage, languages, capacity and whether you are open to partners.</p>
        <div className="directory-fields">
          {SHAREABLE_FIELDS.map((field) => (
            <label key={field} className="directory-check">
              <input type="checkbox" checked={share.has(field)} onChange={(event) => toggle(field, event.target.checked)} />
              {FIELD_LABELS[field]}
            </label>
          ))}
        </div>
      </fieldset>
      {problems.length > 0 && (
        <div className="directory-problems">
          <p className="error-text">A directory would reject this entry until you fix your profile:</p>
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.field}:${problem.message}`}>
                {problem.field}: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <section aria-labelledby={jsonId}>
        <h4 id={jsonId}>As JSON (for a Mutual feed)</h4>
        <pre className="directory-code" tabIndex={0}>
          {json}
        </pre>
        <div className="directory-actions">
          <button type="button" onClick={() => void copy(json, 'the JSON entry')}>Copy JSON</button>
          <button type="button" onClick={() => download('mutual-entry.json', `${json}\n`, 'application/json')}>Download JSON</button>
        </div>
      </section>
      <section aria-labelledby={csvId}>
        <h4 id={csvId}>As a CSV row (for a spreadsheet)</h4>
        <pre className="directory-code" tabIndex={0}>
          {csv}
        </pre>
        <div className="directory-actions">
          <button type="button" onClick={() => void copy(csv, 'the CSV row')}>Copy CSV</button>
          <button type="button" onClick={() => download('mutual-entry.csv', csv, 'text/csv')}>Download CSV</button>
        </div>
      </section>
      {policy.joinFormUrl && (
        <p>
          <a className="directory-button-link" href={policy.joinFormUrl} target="_blank" rel="noopener noreferrer">
            Open {policy.organizationName ? `${policy.organizationName}'s` : 'the'} join form
          </a>
        </p>
      )}
    </div>
  );
}
