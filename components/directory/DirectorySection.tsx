import { useCallback, useEffect, useId, useState } from 'react';
import type { Profile } from '@/lib/profile/model';
import { count } from '@/lib/directory';
import type { SyncSummary } from '@/lib/messages';
import { errorMessage } from '@/lib/errors';
import { AddSource } from './AddSource';
import { JoinPanel } from './JoinPanel';
import { SourceItem } from './SourceItem';
import { formatTime } from './format';
import type { DirectoryServices, DirectoryView, SourceView } from './services';
import './DirectorySection.css';

export interface DirectorySectionProps {
  /** My profile, for the join panel (the options page loads it). */
  profile?: Profile;
  services: DirectoryServices;
  /** How long adding a feed waits for the browser's permission prompt to be answered. */
  accessTimeoutMs?: number;
}

/** Long enough to read the prompt; a prompt the browser could not show never answers at all. */
const ACCESS_TIMEOUT_MS = 60_000;

type AccessAnswer = 'granted' | 'refused' | 'timeout' | 'cancelled';

/** The permission prompt's answer, or 'timeout' after `ms`, or 'cancelled' when the person gives up. */
function awaitAccess(granted: Promise<boolean>, ms: number): { answer: Promise<AccessAnswer>; cancel(): void } {
  let cancel = () => undefined as void;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const answer = Promise.race([
    granted.then((ok): AccessAnswer => (ok ? 'granted' : 'refused')),
    new Promise<AccessAnswer>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ms);
      cancel = () => resolve('cancelled');
    }),
  ]).finally(() => clearTimeout(timer));
  return { answer, cancel: () => cancel() };
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

interface Status {
  text: string;
  tone: 'info' | 'error';
}

function describeAdded(url: string, summary: SyncSummary): Status {
  if (summary.ok) return describeSummary(summary);
  const problems = summary.sources.filter((source) => !source.ok).map((source) => source.message).join(' ');
  return { text: `Could not read ${url}: ${problems} It is listed below as failed: Retry it, or Remove it.`, tone: 'error' };
}

function describeSummary(summary: SyncSummary): Status {
  const lines = summary.sources.map((source) => source.message);
  if (summary.ok) return { text: lines.length ? `Synced. ${lines.join(' ')}` : 'Directory updated.', tone: 'info' };
  return { text: `Sync finished with problems. ${summary.sources.filter((source) => !source.ok).map((source) => source.message).join(' ')}`, tone: 'error' };
}

/** Options-page section: where the directory comes from, how each source is doing, and joining it. */
export function DirectorySection({ profile, services, accessTimeoutMs = ACCESS_TIMEOUT_MS }: DirectorySectionProps) {
  const [view, setView] = useState<DirectoryView>();
  /** While adding a feed waits for the permission prompt: gives up waiting. */
  const [cancelAdd, setCancelAdd] = useState<() => void>();
  const [loadError, setLoadError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();
  const headingId = useId();

  const reload = useCallback(async () => {
    try {
      setView(await services.load());
      setLoadError(undefined);
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  }, [services]);

  useEffect(() => {
    void reload();
    return services.onChanged(() => void reload());
  }, [services, reload]);

  /** Runs one action at a time and says how it went in the live region. */
  async function act(working: string, action: () => Promise<SyncSummary>, describe: (summary: SyncSummary) => Status = describeSummary) {
    setBusy(true);
    setStatus({ text: working, tone: 'info' });
    try {
      setStatus(describe(await action()));
    } catch (error) {
      setStatus({ text: errorMessage(error), tone: 'error' });
    } finally {
      setBusy(false);
      await reload();
    }
  }

  function addFeed(url: string, origin: string) {
    // First thing in the handler: the permission prompt needs the user's click or Enter.
    const waiting = awaitAccess(services.requestAccess(origin), accessTimeoutMs);
    setCancelAdd(() => waiting.cancel);
    void act(
      `Adding ${url}… Answer your browser's prompt to allow access to ${origin}.`,
      async () => {
        const answer = await waiting.answer.finally(() => setCancelAdd(undefined));
        if (answer === 'cancelled') throw new Error(`Cancelled: ${url} was not added.`);
        if (answer === 'timeout') {
          throw new Error(`Your browser's permission prompt got no answer within ${seconds(accessTimeoutMs)} (it may not have been shown). Nothing was added: add the feed again to see the prompt.`);
        }
        if (answer === 'refused') throw new Error(`Mutual needs access to ${origin} to read this feed. Nothing was added.`);
        return services.addFeed(url);
      },
      (summary) => describeAdded(url, summary),
    );
  }

  function grantAccess(source: SourceView) {
    if (source.kind !== 'url') return;
    const origin = new URL(source.url).origin;
    const granted = services.requestAccess(origin);
    void act(`Syncing ${source.label}…`, async () => {
      if (!(await granted)) throw new Error(`Access to ${origin} was not given.`);
      return services.sync(source.id);
    });
  }

  function importFile(file: File) {
    // The bytes, not file.text(): an Excel export in Windows-1252 or UTF-16 is decoded as what it is.
    void act(`Importing ${file.name}…`, async () => services.importFile({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }));
  }

  const meta = view?.meta;
  return (
    <section className="directory-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Directory</h2>
      <p>
        {meta
          ? `${meta.count} ${meta.count === 1 ? 'person' : 'people'} from ${count(meta.sources.filter((source) => source.count > 0).length, 'source')}, updated ${formatTime(meta.savedAt)}.`
          : 'No directory stored yet.'}
        {meta && meta.duplicates > 0 && ` ${meta.duplicates} duplicate entries across sources were merged (the newest kept).`}
      </p>
      <div role="status" aria-live="polite" className={status?.tone === 'error' ? 'directory-status error-text' : 'directory-status'}>
        {status?.text}
      </div>
      {cancelAdd && (
        <div className="directory-actions">
          <button type="button" onClick={cancelAdd}>
            Cancel adding
          </button>
        </div>
      )}
      {view?.policy.warnings?.length ? (
        <div className="notice error" role="group" aria-label="Problems with your organization's policy">
          <p>Your organization&apos;s settings for Mutual have problems; tell your administrator:</p>
          <ul>
            {view.policy.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {loadError && (
        <p role="alert" className="error-text">
          {loadError}
        </p>
      )}

      <div className="directory-heading-row">
        <h3>Sources</h3>
        <button type="button" className="primary" disabled={busy} onClick={() => void act('Syncing all sources…', () => services.sync())}>
          Sync now
        </button>
      </div>
      {view && (
        <ul className="directory-sources">
          {view.sources.map((source) => (
            <SourceItem
              key={source.id}
              source={source}
              actions={{
                busy,
                onSync: (id) => void act(`Syncing ${source.label}…`, () => services.sync(id)),
                onRemove: (id) => void act(`Removing ${source.label}…`, () => services.removeSource(id)),
                onDemoChange: (enabled) => void act(enabled ? 'Turning the demo directory on…' : 'Turning the demo directory off…', () => services.setDemoEnabled(enabled)),
                onGrantAccess: grantAccess,
              }}
            />
          ))}
        </ul>
      )}

      <h3>Add a source</h3>
      <AddSource busy={busy} onAddFeed={addFeed} onImport={importFile} onInvalid={(message) => setStatus({ text: message, tone: 'error' })} />

      <h3>Join the directory</h3>
      <JoinPanel profile={profile} policy={view?.policy ?? {}} onStatus={(text, tone = 'info') => setStatus({ text, tone })} />
    </section>
  );
}
