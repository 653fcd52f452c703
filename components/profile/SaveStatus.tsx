import type { SaveStatus as Status } from './editor-state';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function describeSaveStatus(status: Status): string {
  switch (status.kind) {
    case 'idle':
      return 'Changes are saved automatically.';
    case 'saving':
      return 'Saving…';
    case 'saved': {
      const at = `Saved at ${timeFormat.format(status.at)}`;
      if (!status.unsavedFields) return at;
      return `${at}, except ${status.unsavedFields === 1 ? '1 field that needs' : `${status.unsavedFields} fields that need`} a fix.`;
    }
    case 'failed':
      return `Not saved: ${status.reason}`;
    case 'held':
      return 'Not saved yet: your saved profile could not be read. Choose “Replace it with this form” to save.';
  }
}

/** The autosave's state, announced politely; a failure offers to try again. */
export function SaveStatus({ status, onRetry }: { status: Status; onRetry: () => void }) {
  return (
    <div className={`save-status ${status.kind}`}>
      <p role="status" aria-live="polite">
        {describeSaveStatus(status)}
      </p>
      {status.kind === 'failed' && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
