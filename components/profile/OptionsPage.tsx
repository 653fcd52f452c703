import { useEffect, useState } from 'react';
import { DirectorySection } from '@/components/directory/DirectorySection';
import type { DirectoryServices } from '@/components/directory/services';
import type { PrivacyServices } from '@/components/privacy/services';
import type { TemplatesServices } from '@/components/templates/services';
import { DataSection } from '@/components/privacy/DataSection';
import { TemplatesSection } from '@/components/templates/TemplatesSection';
import { Section } from '@/components/ui/Section';
import { loadDirectoryMeta } from '@/lib/directory';
import { ProfileForm } from './ProfileForm';
import { Welcome } from './Welcome';
import type { ProfileStorage } from './editor-state';
import { useProfileEditor } from './useProfileEditor';
import { useSkillSearch } from './useSkillSearch';
import '@/components/ui/ui.css';
import './options.css';

const WELCOME = 'welcome';
const SECTIONS = [
  { id: 'profile', label: 'Profile' },
  { id: 'directory', label: 'Directory' },
  { id: 'templates', label: 'Templates' },
  { id: 'your-data', label: 'Your data' },
] as const;

/** The section the address points at, for aria-current in the navigation. */
function useCurrentSection(): string {
  const [hash, setHash] = useState(() => location.hash.slice(1));
  useEffect(() => {
    const onHashChange = () => setHash(location.hash.slice(1));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return hash || 'profile';
}

/** Skill names seen in the directory, for suggestions; none when there is no directory yet. */
function useDirectorySkills(): readonly string[] {
  const [skills, setSkills] = useState<readonly string[]>([]);
  useEffect(() => {
    let live = true;
    loadDirectoryMeta()
      .then((meta) => live && meta && setSkills(meta.skills))
      // Suggestions then come from the taxonomy alone; the directory section reports storage problems.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return skills;
}

/** How long loading may take before the page says what it is waiting for (an upgrade blocked by an old tab). */
const SLOW_LOAD_MS = 4000;

function useSlow(waiting: boolean): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!waiting) return setSlow(false);
    const timer = setTimeout(() => setSlow(true), SLOW_LOAD_MS);
    return () => clearTimeout(timer);
  }, [waiting]);
  return slow;
}

/** The browser side of each section, built by the options entrypoint (tests pass their own). */
export interface OptionsServices {
  directory: DirectoryServices;
  templates: TemplatesServices;
  privacy: PrivacyServices;
}

export interface OptionsPageProps {
  services: OptionsServices;
  /** Tests inject storage failures; the page uses IndexedDB. */
  storage?: ProfileStorage;
  /** Skill names seen in the directory; by default read from the stored directory. */
  directorySkills?: readonly string[];
  autosaveDelayMs?: number;
}

/** The options page: the profile, the directory, templates and the user's data, one section each. */
export function OptionsPage({ services, storage, directorySkills, autosaveDelayMs }: OptionsPageProps) {
  const storedSkills = useDirectorySkills();
  const skills = useSkillSearch(directorySkills ?? storedSkills);
  const [generation, setGeneration] = useState(0);
  const editor = useProfileEditor({
    ...(storage ? { storage } : {}),
    ...(autosaveDelayMs === undefined ? {} : { delayMs: autosaveDelayMs }),
    canonical: skills.canonical,
  });
  const current = useCurrentSection();
  const slow = useSlow(editor.phase === 'loading');
  // The directory's join panel shares fields of the saved profile, never of an unreadable one.
  const profile = editor.phase === 'ready' && !editor.unreadable ? editor.saved : undefined;

  return (
    <>
      <header className="options-header">
        <h1>Mutual</h1>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`} {...(current === section.id ? { 'aria-current': 'location' as const } : {})}>
                  {section.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <a className="options-welcome-link" href={`#${WELCOME}`}>
          Welcome and setup tips
        </a>
      </header>
      <main className="options-main">
        {/* Opened once by the background on install; afterwards only when the user asks for it. */}
        {current === WELCOME && (
          <Welcome
            onStart={() => {
              location.hash = 'profile';
              document.getElementById('profile')?.focus();
            }}
          />
        )}
        <Section id="profile" title="Your profile">
          {editor.phase === 'loading' && (
            <p role="status">
              Loading your profile…
              {slow && ' Still waiting for the browser’s storage. If another Mutual tab is open from before an update, close it.'}
            </p>
          )}
          {editor.phase === 'failed' && (
            <div className="notice error" role="alert">
              <p>Your profile could not be opened: {editor.loadError}</p>
              <button type="button" onClick={() => void editor.reload()}>
                Try again
              </button>
            </div>
          )}
          {editor.phase === 'ready' && <ProfileForm editor={editor} suggest={skills.suggest} />}
        </Section>
        {/* The directory and templates sections bring their own headings; after a delete they load again. */}
        <div id="directory" tabIndex={-1} className="page-section">
          <DirectorySection key={generation} services={services.directory} {...(profile ? { profile } : {})} />
        </div>
        <div id="templates" tabIndex={-1} className="page-section">
          <TemplatesSection key={generation} services={services.templates} />
        </div>
        <Section id="your-data" title="Your data">
          <DataSection editor={editor} services={services.privacy} onDeleted={() => setGeneration((n) => n + 1)} />
        </Section>
      </main>
    </>
  );
}
