import { useRef, useState, type ChangeEvent } from 'react';
import { downloadText, readTextFiles } from '@/components/ui/files';
import { allDataFileName, allDataJson, exportAllData, STORE_CONTENTS, type StoreName } from '@/lib/privacy';
import { exportProfileJson, parseProfileJson, profileFileName, type Profile } from '@/lib/profile';
import { errorMessage } from '@/lib/errors';
import type { DeletedData, PrivacyServices } from './services';
import './privacy.css';

type Tone = 'success' | 'error';
interface Message {
  tone: Tone;
  text: string;
}

function recordCount(stores: Record<string, unknown[]>): number {
  return Object.values(stores).reduce((sum, records) => sum + records.length, 0);
}

/** A short description of an imported profile, so the user knows what would replace theirs. */
function summary(profile: Profile): string {
  const who = profile.name || 'A profile without a name';
  return `${who}: ${profile.teach.length} skills to teach, ${profile.learn.length} to learn`;
}

/** A region that is in the page before its message, so the message is announced when it appears. */
function Outcome({ message }: { message: Message | undefined }) {
  return <div aria-live="polite">{message && <p className={`notice ${message.tone}`}>{message.text}</p>}</div>;
}

/** What this section needs of the profile editor (components/profile), and no more. */
interface EditedProfile {
  /** Saves what is typed and returns the profile. */
  flush(): Promise<Profile>;
  replace(profile: Profile): Promise<void>;
  /** Runs `task` (deleting everything) and starts the form over afterwards. */
  resetAfter<T>(task: () => Promise<T>): Promise<T>;
}

export interface DataSectionProps {
  editor: EditedProfile;
  /** Called after everything was deleted, so the other sections load again. */
  onDeleted: () => void;
  services: PrivacyServices;
}

/** What was deleted, in one sentence a person can check. */
function describeDeleted({ cleared, releasedOrigins, menuRebuilt }: DeletedData): string {
  const sites = releasedOrigins.length
    ? ` Mutual no longer has access to ${releasedOrigins.length === 1 ? 'the feed site' : `${releasedOrigins.length} feed sites`} (${releasedOrigins.map((origin) => origin.replace(/^https?:\/\//, '')).join(', ')}).`
    : '';
  const menu = menuRebuilt ? ' The right-click menu lists only the built-in templates again.' : '';
  return `Deleted all your data from this browser (${cleared.length} stores emptied).${sites}${menu} The demo directory of fictional colleagues may come back at the next directory sync.`;
}

/** "Your data": the profile as a file, a copy of everything Mutual keeps, and deleting it all. */
export function DataSection({ editor, onDeleted, services }: DataSectionProps) {
  const [profileMessage, setProfileMessage] = useState<Message>();
  const [pendingImport, setPendingImport] = useState<{ profile: Profile; fileName: string }>();
  const [exportMessage, setExportMessage] = useState<Message>();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleteMessage, setDeleteMessage] = useState<Message>();
  const [busy, setBusy] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const deleteResult = useRef<HTMLDivElement>(null);

  async function exportProfile() {
    try {
      const profile = await editor.flush();
      const name = profileFileName();
      downloadText(name, exportProfileJson(profile));
      setProfileMessage({ tone: 'success', text: `Downloaded ${name}.` });
    } catch (error) {
      setProfileMessage({ tone: 'error', text: `Could not export your profile: ${errorMessage(error)}` });
    }
  }

  async function chooseProfileFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target;
    setPendingImport(undefined);
    try {
      const [file] = await readTextFiles(input.files);
      if (!file) return;
      setPendingImport({ profile: parseProfileJson(file.text), fileName: file.name });
      setProfileMessage(undefined);
    } catch (error) {
      setProfileMessage({ tone: 'error', text: `Nothing was imported: ${errorMessage(error)}` });
    } finally {
      input.value = '';
    }
  }

  async function confirmImport() {
    if (!pendingImport) return;
    try {
      await editor.replace(pendingImport.profile);
      setProfileMessage({ tone: 'success', text: `Imported ${pendingImport.fileName}. Your profile above now shows it.` });
    } catch (error) {
      setProfileMessage({ tone: 'error', text: `Nothing was imported: ${errorMessage(error)}` });
    }
    setPendingImport(undefined);
  }

  async function exportEverything() {
    setBusy(true);
    try {
      await editor.flush();
      const data = await exportAllData();
      const name = allDataFileName();
      downloadText(name, allDataJson(data));
      setExportMessage({ tone: 'success', text: `Downloaded ${name}: ${recordCount(data.stores)} records from ${Object.keys(data.stores).length} stores.` });
    } catch (error) {
      setExportMessage({ tone: 'error', text: `Could not export your data: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  }

  async function deleteEverything() {
    setBusy(true);
    try {
      const deleted = await editor.resetAfter(services.deleteAllData);
      setDeleteMessage({ tone: 'success', text: describeDeleted(deleted) });
      onDeleted();
    } catch (error) {
      setDeleteMessage({ tone: 'error', text: `Nothing was deleted: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
      setConfirmingDelete(false);
      deleteResult.current?.focus();
    }
  }

  return (
    <>
      <section className="data-group" aria-labelledby="profile-file-heading">
        <h3 id="profile-file-heading">Your profile as a file</h3>
        <p className="field-hint">
          A JSON file you can keep, move to another browser, or use with the command line (<code>mutual match --profile</code>).
        </p>
        <div className="button-row">
          <button type="button" onClick={() => void exportProfile()}>
            Export my profile
          </button>
          <label className="file-button">
            <span>Import a profile file</span>
            <input type="file" accept=".json,application/json" onChange={(event) => void chooseProfileFile(event)} />
          </label>
        </div>
        {pendingImport && (
          <div className="notice" role="group" aria-labelledby="import-confirm-text">
            <p id="import-confirm-text">
              Replace your profile with the one in {pendingImport.fileName} ({summary(pendingImport.profile)})? Export yours first if you want to keep it.
            </p>
            <div className="button-row">
              <button type="button" className="primary" onClick={() => void confirmImport()}>
                Replace my profile
              </button>
              <button type="button" onClick={() => setPendingImport(undefined)}>
                Cancel
              </button>
            </div>
          </div>
        )}
        <Outcome message={profileMessage} />
      </section>

      <section className="data-group" aria-labelledby="all-data-heading">
        <h3 id="all-data-heading">Everything Mutual keeps</h3>
        <p>Mutual keeps its data in this browser only. The export is one JSON file with every record of:</p>
        <ul className="store-list">
          {(Object.keys(STORE_CONTENTS) as StoreName[]).map((store) => (
            <li key={store}>{STORE_CONTENTS[store]}</li>
          ))}
        </ul>
        <button type="button" onClick={() => void exportEverything()} disabled={busy}>
          Export all my data
        </button>
        <Outcome message={exportMessage} />
      </section>

      <section className="data-group" aria-labelledby="delete-heading">
        <h3 id="delete-heading">Delete all my data</h3>
        <p>
          Deletes everything listed above from this browser: your profile, partners, outreach log, templates and directory sources. It
          also gives back Mutual&apos;s access to the feed sites you allowed and removes your templates from the right-click menu. A
          directory sync that is running finishes saving first, or saves nothing. The built-in demo directory of fictional colleagues may
          come back at the next directory sync.
        </p>
        {confirmingDelete ? (
          <div className="notice error" role="group" aria-labelledby="delete-confirm-text">
            <p id="delete-confirm-text">
              <strong>Delete all your Mutual data?</strong> This cannot be undone; export it first if you want a copy.
            </p>
            <div className="button-row">
              <button type="button" className="danger" onClick={() => void deleteEverything()} disabled={busy}>
                Yes, delete everything
              </button>
              <button
                type="button"
                autoFocus
                onClick={() => {
                  setConfirmingDelete(false);
                  requestAnimationFrame(() => deleteButton.current?.focus());
                }}
              >
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="danger" ref={deleteButton} onClick={() => setConfirmingDelete(true)}>
            Delete all my data
          </button>
        )}
        <div ref={deleteResult} tabIndex={-1} className="delete-result">
          <Outcome message={deleteMessage} />
        </div>
      </section>
    </>
  );
}
