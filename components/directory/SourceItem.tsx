import type { SourceView } from './services';
import { STAGE_LABELS, formatTime } from './format';
import { ValidationReport } from './ValidationReport';

export interface SourceActions {
  busy: boolean;
  onSync(id: string): void;
  onRemove(id: string): void;
  onDemoChange(enabled: boolean): void;
  /** Asks for host access again (policy feeds, or access removed in the browser's settings). */
  onGrantAccess(source: SourceView): void;
}

/** "OK" only when every row was read: a feed with rejected rows is read in part. */
function status(source: SourceView): string {
  const { state } = source;
  if (!source.enabled) return 'Off';
  if (!state) return 'Not synced yet';
  if (!state.ok) return `${state.lastGoodSync ? 'Problem' : 'Failed'}: ${state.message}`;
  return `${state.report?.rejected ? 'Read in part' : 'OK'}: ${state.message}`;
}

/** A source that never worked is retried; one with a copy in use is synced again. */
function syncLabel(source: SourceView): string {
  return source.state && !source.state.ok && !source.state.lastGoodSync ? 'Retry' : 'Sync';
}

/** A policy feed is fetched without access (its server may allow Mutual by CORS); a network error there may mean it needs access. */
function needsAccess(source: SourceView): boolean {
  const stage = source.state?.lastError?.stage;
  return stage === 'permission' || (source.locked && stage === 'network');
}

export function SourceItem({ source, actions }: { source: SourceView; actions: SourceActions }) {
  const { state } = source;
  const headingId = `directory-source-${source.id.replace(/[^a-z0-9]+/gi, '-')}`;
  return (
    <li className="directory-source" aria-labelledby={headingId}>
      <div className="directory-source-head">
        <h4 id={headingId}>{source.label}</h4>
        {source.locked && <span className="directory-badge">Set by your organization</span>}
      </div>
      {source.kind === 'url' && <p className="directory-url">{source.url}</p>}
      {source.kind === 'file' && <p className="muted">Imported file: {source.fileName}</p>}
      {source.kind === 'demo' && (
        <label className="directory-check">
          <input type="checkbox" checked={source.enabled} disabled={source.locked || actions.busy} onChange={(event) => actions.onDemoChange(event.target.checked)} />
          Use the demo directory (fictional colleagues, for trying Mutual out)
        </label>
      )}
      <dl className="directory-facts">
        <dt>Status</dt>
        <dd className={state && (!state.ok || state.report?.rejected) ? 'error-text' : undefined}>{status(source)}</dd>
        <dt>Last good sync</dt>
        <dd>{state?.lastGoodSync ? formatTime(state.lastGoodSync) : 'Never'}</dd>
        {state?.lastError && (
          <>
            <dt>Last error</dt>
            <dd>
              {formatTime(state.lastError.at)}: {STAGE_LABELS[state.lastError.stage]}. {state.lastError.message}
            </dd>
          </>
        )}
      </dl>
      {source.enabled && state?.report && <ValidationReport report={state.report} label={source.label} />}
      <div className="directory-actions">
        {source.enabled && source.kind !== 'file' && (
          <button type="button" disabled={actions.busy} onClick={() => actions.onSync(source.id)} aria-label={`${syncLabel(source)} ${source.label}`}>
            {syncLabel(source)}
          </button>
        )}
        {source.kind === 'url' && needsAccess(source) && (
          <button type="button" disabled={actions.busy} onClick={() => actions.onGrantAccess(source)}>
            Allow access to {new URL(source.url).host}
          </button>
        )}
        {!source.locked && source.kind !== 'demo' && (
          <button type="button" className="danger" disabled={actions.busy} onClick={() => actions.onRemove(source.id)} aria-label={`Remove ${source.label}`}>
            Remove
          </button>
        )}
      </div>
    </li>
  );
}
