import { useEffect, useRef, useState } from 'react';
import type { MatchMode } from '@/lib/profile/model';
import { activeFilterCount, FilterBar, type FilterChoices, type Filters } from './FilterBar';
import { ModeSwitch } from './ModeSwitch';
import { PartnerCard, type CardHandlers } from './PartnerCard';
import type { PopupData } from './services';
import type { Ranking } from './useRanking';
import { useFirstScreenFirst } from './useFirstScreenFirst';
import { toPartnerView } from './view-model';

const NO_CHOICES: FilterChoices = { ergs: [], departments: [], languages: [] };

const SEARCH_ID = 'mutual-search';

interface MatchesViewProps {
  data: PopupData;
  ranking: Ranking;
  filters: Filters;
  query: string;
  now: Date;
  onMode(mode: MatchMode): void;
  onFilters(filters: Filters): void;
  onQuery(query: string): void;
  onOpenOptions(): void;
  loadFilterChoices(): Promise<FilterChoices>;
  handlers: CardHandlers;
}

/** The ranked matches: the mode, the search and filters, then the cards. */
export function MatchesView(props: MatchesViewProps) {
  const { data, filters } = props;
  const [showFilters, setShowFilters] = useState(activeFilterCount(filters) > 0);
  const choices = useFilterChoices(showFilters, props.loadFilterChoices, data.directory?.version);
  return (
    <>
      <ModeSwitch mode={data.profile!.matchMode} onChange={props.onMode} />
      <div className="search-row" role="search">
        <label className="visually-hidden" htmlFor={SEARCH_ID}>
          Search the directory
        </label>
        <input
          id={SEARCH_ID}
          type="search"
          placeholder="Figma, a name, a department…"
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
      {!data.directory || data.directory.count === 0 ? (
        <div className="empty" role="status">
          {/* No source has synced yet (a first run): the demo directory is on its way, not missing. */}
          <p>{!data.directory && data.sources.length === 0 ? 'Getting the directory ready… On a first run this takes a few seconds; if nobody appears, check the directory settings.' : 'The directory is empty. Add your organization’s directory feed, or turn the demo directory back on.'}</p>
          <button type="button" onClick={props.onOpenOptions}>
            Open directory settings
          </button>
        </div>
      ) : (
        <RankedList {...props} />
      )}
    </>
  );
}

/** Read from the match index only once the filters are opened: the first paint does not wait for it. */
function useFilterChoices(open: boolean, load: () => Promise<FilterChoices>, directoryVersion: string | undefined): FilterChoices | undefined {
  const [choices, setChoices] = useState<FilterChoices>();
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    load().then(
      (loaded) => void (cancelled || setChoices(loaded)),
      () => void (cancelled || setChoices(NO_CHOICES)),
    );
    return () => {
      cancelled = true;
    };
  }, [open, load, directoryVersion]);
  return choices;
}

/** The cards, how many match, "Show more"; or why there is nothing to show. */
function RankedList({ data, ranking, filters, query, now, onFilters, onQuery, handlers }: MatchesViewProps) {
  const { ranked, busy, total } = ranking;
  const shown = useFirstScreenFirst(ranked.length);
  // After "Show more", focus goes to the first new card rather than to the page body.
  const list = useRef<HTMLOListElement>(null);
  const [firstNew, setFirstNew] = useState<number>();
  useEffect(() => {
    if (firstNew === undefined || shown <= firstNew) return;
    list.current?.children[firstNew]?.querySelector('button')?.focus();
    setFirstNew(undefined);
  }, [firstNew, shown]);
  const views = ranked.slice(0, shown).map((r) => toPartnerView(r.entry, r.match, data.partners.get(r.entry.id), now));
  if (busy && views.length === 0) return <p role="status">Finding partners…</p>;
  if (views.length === 0) return <NoMatch query={query.trim()} filtered={activeFilterCount(filters) > 0} onClearFilters={() => onFilters({})} onClearSearch={() => clearSearch(onQuery)} />;
  return (
    <>
      {total !== undefined && (
        <p className="result-count muted" aria-live="polite">
          {total === 1 ? '1 person matches' : `${total.toLocaleString()} people match`}
          {total > ranked.length ? `, best ${ranked.length} shown` : ''}
        </p>
      )}
      <ol ref={list} className="results" aria-label="Ranked partners" aria-busy={busy}>
        {views.map((partner) => (
          <PartnerCard key={partner.id} partner={partner} {...handlers} />
        ))}
      </ol>
      {ranking.canShowMore && (
        <button
          type="button"
          className="show-more"
          disabled={busy}
          onClick={() => {
            setFirstNew(ranked.length);
            ranking.showMore();
          }}
        >
          Show {ranking.nextPageSize} more
        </button>
      )}
    </>
  );
}

/** Empties the search and puts the focus back in it: the button that asked is gone with the empty list. */
function clearSearch(onQuery: (query: string) => void): void {
  onQuery('');
  document.getElementById(SEARCH_ID)?.focus();
}

/** What the person can do about an empty list: it speaks to the search or filters they used, if any. */
function noMatchAdvice(searched: boolean, filtered: boolean): string {
  if (searched && filtered) return 'Nobody matches all of the search and the filters. Try fewer words, or widen or clear the filters.';
  if (searched) return 'Nobody in the directory matches every word of it. Try fewer words or another spelling, or clear the search.';
  if (filtered) return 'Nobody matches these filters. Widen or clear them.';
  return 'Try another mode, or add more skills you can teach and want to learn.';
}

function NoMatch({ query, filtered, onClearFilters, onClearSearch }: { query: string; filtered: boolean; onClearFilters(): void; onClearSearch(): void }) {
  return (
    <div className="empty" role="status">
      <p>No match{query ? ` for “${query}”` : ''}.</p>
      <p className="muted">{noMatchAdvice(query !== '', filtered)}</p>
      {query && (
        <button type="button" onClick={onClearSearch}>
          Clear search
        </button>
      )}
      {filtered && (
        <button type="button" onClick={onClearFilters}>
          Clear filters
        </button>
      )}
    </div>
  );
}
