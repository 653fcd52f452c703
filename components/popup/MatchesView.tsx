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
        <label className="visually-hidden" htmlFor="mutual-search">
          Search the directory
        </label>
        <input
          id="mutual-search"
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
        <div className="empty">
          <p>The directory is empty. Add your organization’s directory feed, or turn the demo directory back on.</p>
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
function RankedList({ data, ranking, filters, query, now, onFilters, handlers }: MatchesViewProps) {
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
  if (views.length === 0) return <NoMatch query={query} filtered={activeFilterCount(filters) > 0} onClearFilters={() => onFilters({})} />;
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

function NoMatch({ query, filtered, onClearFilters }: { query: string; filtered: boolean; onClearFilters(): void }) {
  return (
    <div className="empty" role="status">
      <p>No match{query ? ` for “${query}”` : ''}.</p>
      <p className="muted">{filtered ? 'Widen or clear the filters, ' : ''}try another mode, or add more skills you can teach and want to learn.</p>
      {filtered && (
        <button type="button" onClick={onClearFilters}>
          Clear filters
        </button>
      )}
    </div>
  );
}
