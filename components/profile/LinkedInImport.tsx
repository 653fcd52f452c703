import { useId, useState, type ChangeEvent } from 'react';
import { readTextFiles } from '@/components/ui/files';
import { parseLinkedInExport, type FilledField, type LinkedInData, type LinkedInMerge } from '@/lib/profile';
import { errorMessage } from '@/lib/errors';

const FIELD_NAMES: Record<FilledField, string> = { name: 'name', title: 'job title', location: 'location' };

function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** What the import did, in one paragraph the user can check against the form. */
function describeLinkedInMerge(merge: LinkedInMerge, notes: readonly string[]): string {
  const parts: string[] = [];
  const added = merge.addedSkills.length;
  parts.push(
    added
      ? `Added ${added === 1 ? '1 skill' : `${added} skills`} to “I can teach” at level Intermediate: adjust the levels below.`
      : 'No new skills to add.',
  );
  if (merge.filled.length) parts.push(`Filled in your ${list(merge.filled.map((field) => FIELD_NAMES[field]))}.`);
  if (merge.skipped.length) parts.push(`Not added: ${merge.skipped.map((skip) => `${skip.name} (${skip.reason})`).join(', ')}.`);
  return [...parts, ...notes].join(' ');
}

interface Outcome {
  tone: 'success' | 'error';
  text: string;
}

/** LinkedIn's data export (Skills.csv, Profile.csv) fills in what is still empty; nothing typed is overwritten. */
export function LinkedInImport({ onImport }: { onImport: (data: LinkedInData) => Promise<LinkedInMerge> }) {
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome>();

  async function onChange(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target;
    try {
      const data = parseLinkedInExport(await readTextFiles(input.files));
      const merge = await onImport(data);
      setOutcome({ tone: 'success', text: describeLinkedInMerge(merge, data.notes) });
    } catch (error) {
      setOutcome({ tone: 'error', text: `Nothing was imported: ${errorMessage(error)}` });
    } finally {
      // Choosing the same file again must run the import again.
      input.value = '';
    }
  }

  return (
    <section className="linkedin-import" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Start from your LinkedIn data</h3>
      <p className="field-hint">
        On LinkedIn, open Settings &amp; Privacy → Data privacy → Get a copy of your data. Unzip the file it sends you, then choose
        Skills.csv, Profile.csv or both. Only empty fields are filled in and new skills added; nothing you typed is replaced.
      </p>
      <label className="file-button">
        <span>Choose LinkedIn export files (Skills.csv, Profile.csv)</span>
        <input type="file" accept=".csv,text/csv" multiple onChange={(event) => void onChange(event)} />
      </label>
      {/* Present before any message, so the message is announced when it appears. */}
      <div aria-live="polite">{outcome && <p className={`notice ${outcome.tone}`}>{outcome.text}</p>}</div>
    </section>
  );
}
