import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DirectoryEntry } from '@/lib/directory/entry';
import type { MatchResult } from '@/lib/match';
import type { PartnerRecord } from '@/lib/partners/model';
import type { MatchMode, Profile } from '@/lib/profile/model';
import type { Filters } from './FilterBar';
import { FirstRun } from './FirstRun';
import { MatchesView } from './MatchesView';
import { SavedView, type SavedViewName } from './SavedView';
import { ViewTabs } from './ViewTabs';
import type { PopupData, PopupServices } from './services';
import { useFocusTabAfterQuickStart } from './useFocusKeeping';
import { useKeptEntries } from './useKeptEntries';
import { usePartnerActions } from './usePartnerActions';
import { usePopupData } from './usePopupData';
import { useRanking } from './useRanking';
import { outreachContextOf, toPartnerView } from './view-model';
import '@/components/ui/ui.css';
import './popup.css';

/** The reach-out panel loads when it is first opened, not before the popup's first paint. */
const OutreachPanel = lazy(() => import('@/components/outreach/OutreachPanel').then((module) => ({ default: module.OutreachPanel })));

type View = 'matches' | SavedViewName | 'partners';
const VIEWS = [
  ['matches', 'Matches'],
  ['shortlist', 'Shortlist'],
  ['asks', 'My asks'],
  ['hidden', 'Hidden'],
  ['partners', 'Partners'],
] as const satisfies readonly (readonly [View, string])[];

interface Props {
  services: PopupServices;
  targetTab?: number;
  /** The Partners view (components/partnership), composed by the entrypoint. */
  partners?: ReactNode;
  /** Shown above the views (the cap on open asks). */
  notice?: ReactNode;
}

function hasSkills(profile: Profile): boolean {
  return profile.teach.length > 0 || profile.learn.length > 0;
}

/** The popup: loading, the quick start, the reach-out panel, or the views of matches and kept people. */
export function PopupApp({ services, targetTab, partners, notice }: Props) {
  const { data, setData, loadError, fail, keepPartner } = usePopupData(services);
  const [view, setView] = useState<View>('matches');
  const [filters, setFilters] = useState<Filters>({});
  const [query, setQuery] = useState('');
  const [outreachId, setOutreachId] = useState<string>();
  // What opened the panel, read at the click: the panel may mount only after its code has loaded.
  const opener = useRef<Element | null>(null);
  const openOutreach = (id: string) => {
    opener.current = document.activeElement;
    setOutreachId(id);
  };
  const profile = data?.profile;
  const ready = data?.directory && profile && hasSkills(profile);
  const ranking = useRanking({ services, data, profile: ready ? profile : undefined, filters, query, onError: fail });
  const saved = useKeptEntries(services, data, view === 'matches' || view === 'partners' ? undefined : view, fail);
  const { handlers, announcement } = usePartnerActions({ services, ranked: ranking.ranked, saved, keepPartner, onReachOut: openOutreach });
  const quickStarted = useFocusTabAfterQuickStart();

  if (loadError || !data) return <PopupStatus loadError={loadError} />;
  if (!profile || !hasSkills(profile)) {
    return (
      <main className="popup">
        <h1>Mutual</h1>
        <FirstRun
          profile={profile ?? services.newProfile()}
          onOpenOptions={services.openOptions}
          onSave={async (next) => {
            await services.saveProfile(next);
            quickStarted();
            setData((current) => current && { ...current, profile: next });
          }}
        />
      </main>
    );
  }

  const ranked = outreachId === undefined ? undefined : ranking.ranked.find((r) => r.entry.id === outreachId);
  const outreachEntry = ranked?.entry ?? saved.find((entry) => entry.id === outreachId);
  if (outreachEntry) {
    return <ReachOut services={services} me={profile} entry={outreachEntry} match={ranked?.match} tabId={targetTab} opener={opener.current} keepPartner={keepPartner} onClose={() => setOutreachId(undefined)} />;
  }

  const setMode = (mode: MatchMode) => {
    const next = { ...profile, matchMode: mode, updatedAt: new Date().toISOString() };
    setData((current) => current && { ...current, profile: next });
    void services.saveProfile(next);
  };
  const now = new Date();
  return (
    <main className="popup">
      <PopupHeader data={data} onOpenOptions={services.openOptions} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {notice}
      <ViewTabs<View> label="Views" views={VIEWS} selected={view} onSelect={setView}>
        {view === 'partners' ? (
          partners
        ) : view === 'matches' ? (
          <MatchesView
            data={data}
            ranking={ranking}
            filters={filters}
            query={query}
            now={now}
            onMode={setMode}
            onFilters={setFilters}
            onQuery={setQuery}
            onOpenOptions={services.openOptions}
            loadFilterChoices={services.filterChoices}
            handlers={handlers}
          />
        ) : (
          <SavedView key={view} view={view} entries={saved} partners={data.partners} ranked={ranking.ranked} now={now} handlers={handlers} />
        )}
      </ViewTabs>
    </main>
  );
}

/** The reach-out panel for one person; what it logs is kept with the score and reasons the list showed. */
function ReachOut(props: {
  services: PopupServices;
  me: Profile;
  entry: DirectoryEntry;
  /** The current ranking's result for them; none for a kept person out of the current results. */
  match: MatchResult | undefined;
  tabId: number | undefined;
  opener: Element | null;
  keepPartner(record: PartnerRecord): void;
  onClose(): void;
}) {
  const { services, me, entry, match, keepPartner } = props;
  const context = useMemo(() => outreachContextOf(me, entry, toPartnerView(entry, match, undefined, new Date())), [me, entry, match]);
  return (
    <main className="popup">
      <Suspense fallback={<Opening />}>
        <OutreachPanel
          opener={props.opener}
          me={me}
          partner={entry}
          context={context}
          tabId={props.tabId}
          services={services.outreach}
          onClose={props.onClose}
          onLogged={(record: PartnerRecord) => {
            keepPartner(record);
            if (match && !record.match) void services.updatePartner(record.id, { match }).then(keepPartner);
          }}
        />
      </Suspense>
    </main>
  );
}

/** Before anything can be shown: still loading, or why loading failed. */
function PopupStatus({ loadError }: { loadError: string }) {
  return loadError ? (
    <main className="popup">
      <h1>Mutual</h1>
      <p role="alert" className="banner error">
        Mutual could not load: {loadError}
      </p>
    </main>
  ) : (
    <main className="popup" aria-busy="true">
      <h1>Mutual</h1>
      <p role="status">Loading your matches…</p>
    </main>
  );
}

/** The title, the way to the options page and a banner per source whose sync failed. */
function PopupHeader({ data, onOpenOptions }: { data: PopupData; onOpenOptions(): void }) {
  return (
    <>
      <header className="popup-header">
        <h1>Mutual</h1>
        <button type="button" onClick={onOpenOptions}>
          Profile &amp; settings
        </button>
      </header>
      {data.sources
        .filter((source) => !source.ok)
        .map((source) => (
          <p key={source.id} className="banner error" role="alert">
            Sync of {source.label} failed: {source.message}.{' '}
            {source.lastGoodSync ? `Showing the copy from ${new Date(source.lastGoodSync).toLocaleString()}.` : 'No earlier copy is available.'}
          </p>
        ))}
    </>
  );
}

/** While the panel's code loads (a moment, once): the focus waits here, not on the page body. */
function Opening() {
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => status.current?.focus(), []);
  return (
    <p role="status" tabIndex={-1} ref={status}>
      Opening…
    </p>
  );
}
