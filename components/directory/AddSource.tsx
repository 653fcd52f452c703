import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { parseFeedUrl } from '@/lib/directory';

export interface AddSourceProps {
  busy: boolean;
  /** Called synchronously from the submit handler, so the permission request keeps the user's gesture. */
  onAddFeed(url: string, origin: string): void;
  onImport(file: File): void;
  onInvalid(message: string): void;
}

export function AddSource({ busy, onAddFeed, onImport, onInvalid }: AddSourceProps) {
  const [url, setUrl] = useState('');
  const urlId = useId();
  const fileId = useId();
  const hintId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseFeedUrl(url);
    if (!parsed.ok) return onInvalid(parsed.message);
    onAddFeed(parsed.url, parsed.origin);
    setUrl('');
  }

  function pick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) onImport(file);
  }

  return (
    <div className="directory-add">
      <form onSubmit={submit} className="directory-add-url">
        <label htmlFor={urlId}>Feed URL</label>
        <div className="directory-row">
          <input id={urlId} type="url" inputMode="url" placeholder="https://intranet.example.com/mentors.csv" value={url} onChange={(event) => setUrl(event.target.value)} aria-describedby={hintId} />
          <button type="submit" className="primary" disabled={busy || !url.trim()}>
            Add feed
          </button>
        </div>
        <p id={hintId} className="muted">
          A JSON feed or a CSV export (for example a form&apos;s responses). Mutual asks your browser for access to that one site only.
        </p>
      </form>
      <div className="directory-add-file">
        <label htmlFor={fileId}>Import a file (CSV or JSON)</label>
        <input id={fileId} type="file" accept=".csv,.json,.txt,text/csv,application/json" disabled={busy} onChange={pick} />
      </div>
    </div>
  );
}
