import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DirectoryEntry } from '@/lib/directory/entry';
import { hiddenIds, type PartnerRecord, type PartnerStatus } from '@/lib/partners/model';
import type { MatchMode, Profile } from '@/lib/profile/model';
import { OutreachPanel } from '@/components/outreach/OutreachPanel';
import { errorMessage } from '@/lib/errors';
import { activeFilterCount, FilterBar, type FilterChoices, type Filters } from './FilterBar';
import { FirstRun } from './FirstRun';
import { ModeSwitch } from './ModeSwitch';
import { ViewTabs } from './ViewTabs';
import { PartnerCard, type PartnerView } from './PartnerCard';
import { toPartnerView } from './view-model';
import type { PopupData, PopupServices, RankedPartner } from './services';
import '@/components/ui/ui.css';
import './popup.css';

const NO_CHOICES: FilterChoices = { ergs: [], departments: [], languages: [] };

type View = 'matches' | 'shortlist' | 'asks' | 'hidden' | 'partners';
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

export function PopupApp({ services, targetTab, partners, notice }: Props) {
  const [data, setData] = useState<PopupData>();
  const [loadError, setLoadError] = useState('');
  const [view, setView] = useState<View>('matches');
  const [filters, setFilters] = useState<Filters>({});
  const [query, setQuery] = useState('');
  const [ranked, setRanked] = useState<RankedPartner[]>([]);
  const [saved, setSaved] = useState<DirectoryEntry[]>([]);
  const [outreachId, setOutreachId] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const painted = useRef(false);
  /** A card the user hid, shortlisted or unshortlisted, and the cards to focus once it leaves the view. */
  const leaving = useRef<{ id: string; next: string[] }>(undefined);
  useEffect(() => {
    const pending = leaving.current;
    if (!pending || cardElement(pending.id)) return;
    leaving.current = undefined;
    // Only focus that fell with the card is moved: never taken from where the user went since.
    if (document.activeElement && document.activeElement !== document.body) return;
    const next = pending.next.map(cardElement).find((card) => card !== undefined);
    (next ?? selectedTab())?.focus();
  });

  // The quick start's form leaves the page once saved: its focus goes to the results' tab, not the body.
  const quickStarted = useRef(false);
  useEffect(() => {
    if (!quickStarted.current || !selectedTab()) return;
    quickStarted.current = false;
    if (document.activeElement === document.body || !document.activeElement) selectedTab()?.focus();
  });

  const [rankedKey, setRankedKey] = useState('');
  const firstLoad = useRef(true);
  const reload = useCallback(() => {
    services.load().then(
      (loaded) => {
        setData(loaded);
        // The first view has no filters or search: the kept ranking for it can be shown at once.
        if (firstLoad.current && loaded.initialResults && loaded.directory && loaded.profile) {
          setRanked(loaded.initialResults);
          setRankedKey(`${rankKeyOf(loaded.directory.version, loaded.profile.matchMode, {}, '')}|${PAGE}`);
        }
        firstLoad.current = false;
      },
      (error: unknown) => setLoadError(errorMessage(error)),
    );
  }, [services]);
  useEffect(reload, [reload]);
  useEffect(() => services.onDirectoryChanged(reload), [services, reload]);

  const profile = data?.profile;
  const ready = data && profile && hasSkills(profile) && data.directory;

  // What the shown results were ranked for: while it differs from the current request, the list is busy.
  const rankKey = rankKeyOf(data?.directory?.version, profile?.matchMode, filters, query);
  // "Show more" raises the limit for this request only; a new mode, filter or search starts at one page.
  const [more, setMore] = useState({ key: '', limit: PAGE });
  const limit = more.key === rankKey ? more.limit : PAGE;
  const requestKey = `${rankKey}|${limit}`;
  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    services
      .rank(profile, { directoryVersion: data.directory?.version ?? '', mode: profile.matchMode, filters, query, excludeIds: hiddenIds(data.partners), top: limit })
      .then((results) => {
        if (cancelled) return;
        setRanked(results);
        setRankedKey(requestKey);
      })
      .catch((error: unknown) => setLoadError(errorMessage(error)));
    return () => {
      cancelled = true;
    };
  }, [ready, data, profile, filters, query, services, requestKey, limit]);

  // How many match: the list's own length while it is not full, else counted once it is shown.
  const [counted, setCounted] = useState<{ key: string; total: number }>();
  const full = rankedKey === requestKey && ranked.length >= limit;
  useEffect(() => {
    if (!ready || !full || !services.countMatches) return;
    let cancelled = false;
    services.countMatches(profile, { mode: profile.matchMode, filters, query, excludeIds: hiddenIds(data.partners) }).then(
      (total) => void (cancelled || setCounted({ key: rankKey, total })),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [ready, full, data, profile, filters, query, services, rankKey]);
  const total = rankedKey !== requestKey ? undefined : full ? (counted?.key === rankKey ? counted.total : undefined) : ranked.length;

  // Marks the first paint of ranked results: the popup benchmark reads this mark.
  useEffect(() => {
    if (painted.current || ranked.length === 0) return;
    painted.current = true;
    requestAnimationFrame(() => performance.mark('mutual:results-painted'));
  }, [ranked]);

  const keptIds = useMemo(
    () => [...(data?.partners.values() ?? [])].filter((r) => r.shortlisted || r.hidden || r.status !== 'none').map((r) => r.id),
    [data],
  );
  useEffect(() => {
    if (view === 'matches' || view === 'partners' || !data?.directory) return;
    services.entriesById(keptIds).then(setSaved, (error: unknown) => setLoadError(errorMessage(error)));
  }, [view, keptIds, data, services]);

  if (loadError) {
    return (
      <main className="popup">
        <h1>Mutual</h1>
        <p role="alert" className="banner error">
          Mutual could not load: {loadError}
        </p>
      </main>
    );
  }
  if (!data) {
    return (
      <main className="popup" aria-busy="true">
        <h1>Mutual</h1>
        <p role="status">Loading your matches…</p>
      </main>
    );
  }

  const matchOf = (id: string) => ranked.find((r) => r.entry.id === id)?.match;
  // The shortlist and "my asks" keep the score and reasons the results list showed for the person.
  const updateRecord = async (id: string, change: Partial<Pick<PartnerRecord, 'shortlisted' | 'hidden' | 'status'>>, message: string) => {
    const match = matchOf(id);
    const record = await services.updatePartner(id, { ...change, ...(match ? { match } : {}) });
    setData((current) => current && withPartner(current, record));
    setAnnouncement(message);
  };
  const nameOf = (id: string) => ranked.find((r) => r.entry.id === id)?.entry.name ?? saved.find((e) => e.id === id)?.name ?? 'Partner';
  const willLeave = (id: string) => {
    const ids = [...document.querySelectorAll('[data-partner-id]')].map((card) => card.getAttribute('data-partner-id')!);
    const at = ids.indexOf(id);
    leaving.current = { id, next: [...ids.slice(at + 1), ...ids.slice(0, Math.max(at, 0)).reverse()] };
  };
  const cardHandlers = {
    onReachOut: (id: string) => setOutreachId(id),
    onShortlist: (id: string, shortlisted: boolean) => {
      willLeave(id);
      void updateRecord(id, { shortlisted }, `${nameOf(id)} ${shortlisted ? 'added to' : 'removed from'} your shortlist`);
    },
    onHide: (id: string, hidden: boolean) => {
      willLeave(id);
      void updateRecord(id, { hidden }, `${nameOf(id)} ${hidden ? 'hidden' : 'shown again'}`);
    },
    onStatus: (id: string, status: PartnerStatus) => void updateRecord(id, { status }, `Status of ${nameOf(id)}: ${status}`),
  };

  if (!profile || !hasSkills(profile)) {
    return (
      <main className="popup">
        <h1>Mutual</h1>
        <FirstRun
          profile={profile ?? services.newProfile()}
          onOpenOptions={services.openOptions}
          onSave={async (next) => {
            await services.saveProfile(next);
            quickStarted.current = true;
            setData((current) => current && { ...current, profile: next });
          }}
        />
      </main>
    );
  }

  const now = new Date();
  const outreachTarget = outreachId ? (ranked.find((r) => r.entry.id === outreachId) ?? savedAsRanked(saved, outreachId)) : undefined;
  if (outreachTarget) {
    return (
      <main className="popup">
        <OutreachPanel
          me={profile}
          partner={outreachTarget.entry}
          context={services.outreachContext(profile, outreachTarget)}
          tabId={targetTab}
          services={services.outreach}
          onClose={() => setOutreachId(undefined)}
          onLogged={(record: PartnerRecord) => {
            setData((current) => current && withPartner(current, record));
            const match = outreachTarget.match;
            if (match && !record.match) void services.updatePartner(record.id, { match }).then((kept) => setData((current) => current && withPartner(current, kept)));
          }}
        />
      </main>
    );
  }

  const setMode = (mode: MatchMode) => {
    const next = { ...profile, matchMode: mode, updatedAt: new Date().toISOString() };
    setData((current) => current && { ...current, profile: next });
    void services.saveProfile(next);
  };
  const failedSources = data.sources.filter((source) => !source.ok);

  return (
    <main className="popup">
      <header className="popup-header">
        <h1>Mutual</h1>
        <button type="button" onClick={services.openOptions}>
          Profile &amp; settings
        </button>
      </header>
      {failedSources.map((source) => (
        <p key={source.id} className="banner error" role="alert">
          Sync of {source.label} failed: {source.message}.{' '}
          {source.lastGoodSync ? `Showing the copy from ${new Date(source.lastGoodSync).toLocaleString()}.` : 'No earlier copy is available.'}
        </p>
      ))}
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
            ranked={ranked}
            busy={rankedKey !== requestKey}
            total={total}
            canShowMore={full && (total === undefined || total > ranked.length)}
            onShowMore={() => setMore({ key: rankKey, limit: limit + PAGE })}
            filters={filters}
            query={query}
            now={now}
            onMode={setMode}
            onFilters={setFilters}
            onQuery={setQuery}
            onOpenOptions={services.openOptions}
            loadFilterChoices={services.filterChoices}
            handlers={cardHandlers}
          />
        ) : (
          <SavedView key={view} view={view} entries={saved} partners={data.partners} ranked={ranked} now={now} handlers={cardHandlers} />
        )}
      </ViewTabs>
    </main>
  );
}

/** The card of one partner in the current view, if it is shown. */
function selectedTab(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
}

function cardElement(id: string): HTMLElement | undefined {
  return [...document.querySelectorAll<HTMLElement>('[data-partner-id]')].find((card) => card.getAttribute('data-partner-id') === id);
}

function rankKeyOf(version: string | undefined, mode: MatchMode | undefined, filters: Filters, query: string): string {
  return JSON.stringify([version, mode, filters, query]);
}

// State updates go through the current value: a directory reload may land while a save is pending.
function withPartner(data: PopupData, record: PartnerRecord): PopupData {
  return { ...data, partners: new Map(data.partners).set(record.id, record) };
}

function savedAsRanked(saved: DirectoryEntry[], id: string): RankedPartner | undefined {
  const entry = saved.find((candidate) => candidate.id === id);
  return entry && { entry };
}

type CardHandlers = Omit<Parameters<typeof PartnerCard>[0], 'partner'>;

/** Results per page: the first request, and each "Show more". */
const PAGE = 20;

function MatchesView(props: {
  data: PopupData;
  ranked: RankedPartner[];
  busy: boolean;
  /** How many people match, once known. */
  total: number | undefined;
  canShowMore: boolean;
  onShowMore(): void;
  filters: Filters;
  query: string;
  now: Date;
  onMode(mode: MatchMode): void;
  onFilters(filters: Filters): void;
  onQuery(query: string): void;
  onOpenOptions(): void;
  loadFilterChoices(): Promise<FilterChoices>;
  handlers: CardHandlers;
}) {
  const { data, ranked, filters, now } = props;
  const profile = data.profile!;
  const [showFilters, setShowFilters] = useState(activeFilterCount(filters) > 0);
  // Read from the match index only once the filters are opened: the first paint does not wait for it.
  const [choices, setChoices] = useState<FilterChoices>();
  const { loadFilterChoices } = props;
  const version = data.directory?.version;
  useEffect(() => {
    if (!showFilters) return;
    let cancelled = false;
    loadFilterChoices().then(
      (loaded) => void (cancelled || setChoices(loaded)),
      () => void (cancelled || setChoices(NO_CHOICES)),
    );
    return () => {
      cancelled = true;
    };
  }, [showFilters, loadFilterChoices, version]);
  const shown = useFirstScreenFirst(ranked.length);
  // After "Show more", focus goes to the first new card rather than to the page body.
  const list = useRef<HTMLOListElement>(null);
  const [firstNew, setFirstNew] = useState<number>();
  useEffect(() => {
    if (firstNew === undefined || shown <= firstNew) return;
    list.current?.children[firstNew]?.querySelector('button')?.focus();
    setFirstNew(undefined);
  }, [firstNew, shown]);
  const views: PartnerView[] = ranked.slice(0, shown).map((r) => toPartnerView(r.entry, r.match, data.partners.get(r.entry.id), now));
  const directoryEmpty = !data.directory || data.directory.count === 0;
  return (
    <>
      <ModeSwitch mode={profile.matchMode} onChange={props.onMode} />
      <div className="search-row" role="search">
        <label className="visually-hidden" htmlFor="mutual-search">
          Search the directory
        </label>
        <input
          id="mutual-search"
          type="search"
          placeholder="Who can teach me Figma? A name, a department…"
          value={props.query}
          onChange={(e) => props.onQuery(e.target.value)}
        />
        <button type="button" aria-expanded={showFilters} aria-controls="mutual-filters" onClick={() => setShowFilters(!showFilters)}>
          Filters{activeFilterCount(filters) ? ` (${activeFilterCount(filters)})` : ''}
        </button>
      </div>
      {showFilters && (
        <div id="mutual-filters">
          <FilterBar filters={filters} choices={choices ?? NO_CHOICES} onChange={props.onFilters} />
        </div>
      )}
      {directoryEmpty ? (
        <div className="empty">
          <p>The directory is empty. Add your organization’s directory feed, or turn the demo directory back on.</p>
          <button type="button" onClick={props.onOpenOptions}>
            Open directory settings
          </button>
        </div>
      ) : props.busy && views.length === 0 ? (
        <p role="status">Finding partners…</p>
      ) : views.length === 0 ? (
        <div className="empty" role="status">
          <p>No match{props.query ? ` for “${props.query}”` : ''}.</p>
          <p className="muted">
            {activeFilterCount(filters) > 0 ? 'Widen or clear the filters, ' : ''}try another mode, or add more skills you can teach and want to learn.
          </p>
          {activeFilterCount(filters) > 0 && (
            <button type="button" onClick={() => props.onFilters({})}>
              Clear filters
            </button>
          )}
        </div>
      ) : (
        <>
          {props.total !== undefined && (
            <p className="result-count muted" aria-live="polite">
              {props.total === 1 ? '1 person matches' : `${props.total.toLocaleString()} people match`}
              {props.total > ranked.length ? `, best ${ranked.length} shown` : ''}
            </p>
          )}
          <ol ref={list} className="results" aria-label="Ranked partners" aria-busy={props.busy}>
            {views.map((partner) => (
              <PartnerCard key={partner.id} partner={partner} {...props.handlers} />
            ))}
          </ol>
          {props.canShowMore && (
            <button
              type="button"
              className="show-more"
              disabled={props.busy}
              onClick={() => {
                setFirstNew(ranked.length);
                props.onShowMore();
              }}
            >
              Show {props.total === undefined ? PAGE : Math.min(PAGE, props.total - ranked.length)} more
            </button>
          )}
        </>
      )}
    </>
  );
}

type SavedViewName = Exclude<View, 'matches' | 'partners'>;

/** The views of people the user keeps a record of: who belongs in each, its list name, its empty text. */
const SAVED_VIEWS: Record<SavedViewName, { keeps(record: PartnerRecord): boolean; label: string; empty: string }> = {
  shortlist: {
    keeps: (record) => record.shortlisted && !record.hidden,
    label: 'Shortlist',
    empty: 'Your shortlist is empty. Use “Shortlist” on a match to keep it here.',
  },
  asks: {
    keeps: (record) => record.status === 'contacted' || record.status === 'talking',
    label: 'Open asks',
    empty: 'No open asks yet. When you reach out to someone, they appear here until you mark how it went.',
  },
  hidden: {
    keeps: (record) => record.hidden,
    label: 'Hidden people',
    empty: 'Nobody is hidden. People you hide leave your matches and wait here until you show them again.',
  },
};

function SavedView(props: {
  view: SavedViewName;
  entries: DirectoryEntry[];
  partners: ReadonlyMap<string, PartnerRecord>;
  ranked: readonly RankedPartner[];
  now: Date;
  handlers: CardHandlers;
}) {
  const { keeps, label, empty } = SAVED_VIEWS[props.view];
  // The current ranking's match when the person is in it, else the one kept with the record.
  const matchOf = (entry: DirectoryEntry) => props.ranked.find((r) => r.entry.id === entry.id)?.match ?? props.partners.get(entry.id)?.match;
  const wanted = props.entries.filter((entry) => {
    const record = props.partners.get(entry.id);
    return record !== undefined && keeps(record);
  });
  if (wanted.length === 0) {
    return (
      <div className="empty">
        <p>{empty}</p>
      </div>
    );
  }
  return (
    <ul className="results" aria-label={label}>
      {wanted.map((entry) => (
        <PartnerCard key={entry.id} partner={toPartnerView(entry, matchOf(entry), props.partners.get(entry.id), props.now)} {...props.handlers} />
      ))}
    </ul>
  );
}

/** Cards that fill the popup's first screen: painted first, the rest of the list a frame later. */
const FIRST_SCREEN_CARDS = 5;

/** How many of `count` results to render: a first screen, then (after that paint) all of them. */
function useFirstScreenFirst(count: number): number {
  const [all, setAll] = useState(false);
  const pending = !all && count > FIRST_SCREEN_CARDS;
  useEffect(() => {
    if (!pending) return;
    // A timeout queued from the frame callback runs after that frame is painted.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setAll(true))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [pending]);
  return all ? count : Math.min(count, FIRST_SCREEN_CARDS);
}
