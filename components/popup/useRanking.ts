import { useEffect, useRef, useState } from 'react';
import { hiddenIds } from '@/lib/partners/model';
import type { MatchMode, Profile } from '@/lib/profile/model';
import type { Filters } from './FilterBar';
import type { RankedPartner } from '@/lib/match';
import type { PopupData, PopupServices } from './services';

/** Results per page: the first request, and each "Show more". */
const PAGE = 20;

/** The ranked list the matches view shows, and whether it is still being ranked for the current request. */
export interface Ranking {
  ranked: RankedPartner[];
  /** The shown results were ranked for another request (mode, filters, search or page): a new one is on its way. */
  busy: boolean;
  /** How many people match, once known. */
  total: number | undefined;
  canShowMore: boolean;
  /** How many more "Show more" adds. */
  nextPageSize: number;
  showMore(): void;
}

interface RankingRequest {
  services: PopupServices;
  data: PopupData | undefined;
  /** A profile with skills and a directory: there is something to rank. */
  profile: Profile | undefined;
  filters: Filters;
  query: string;
  onError(error: unknown): void;
}

function rankKeyOf(version: string | undefined, mode: MatchMode | undefined, filters: Filters, query: string): string {
  return JSON.stringify([version, mode, filters, query]);
}

/**
 * Ranks the directory for the profile's mode, the filters and the search, a page at a time. The
 * first view (no filters, no search) starts from the kept ranking the load brought, if any.
 */
export function useRanking({ services, data, profile, filters, query, onError }: RankingRequest): Ranking {
  const [ranked, setRanked] = useState<RankedPartner[]>([]);
  // What the shown results were ranked for: while it differs from the current request, the list is busy.
  const [rankedKey, setRankedKey] = useState('');
  // The first load's kept ranking is shown in the same render as the load (state adjusted while rendering).
  const [firstLoad, setFirstLoad] = useState(true);
  if (firstLoad && data) {
    setFirstLoad(false);
    if (data.initialResults && data.directory && data.profile) {
      setRanked(data.initialResults);
      setRankedKey(`${rankKeyOf(data.directory.version, data.profile.matchMode, {}, '')}|${PAGE}`);
    }
  }

  const rankKey = rankKeyOf(data?.directory?.version, profile?.matchMode, filters, query);
  // "Show more" raises the limit for this request only; a new mode, filter or search starts at one page.
  const [more, setMore] = useState({ key: '', limit: PAGE });
  const limit = more.key === rankKey ? more.limit : PAGE;
  const requestKey = `${rankKey}|${limit}`;
  useEffect(() => {
    if (!profile || !data) return;
    let cancelled = false;
    services
      .rank(profile, { directoryVersion: data.directory?.version ?? '', mode: profile.matchMode, filters, query, excludeIds: hiddenIds(data.partners), top: limit })
      .then((results) => {
        if (cancelled) return;
        setRanked(results);
        setRankedKey(requestKey);
      })
      .catch(onError);
    return () => {
      cancelled = true;
    };
  }, [data, profile, filters, query, services, requestKey, limit]);

  const full = rankedKey === requestKey && ranked.length >= limit;
  const counted = useMatchCount({ services, data, profile, filters, query, onError }, full, rankKey);
  const total = rankedKey !== requestKey ? undefined : full ? counted : ranked.length;
  useResultsPaintedMark(ranked);
  return {
    ranked,
    busy: rankedKey !== requestKey,
    total,
    canShowMore: full && (total === undefined || total > ranked.length),
    nextPageSize: total === undefined ? PAGE : Math.min(PAGE, total - ranked.length),
    showMore: () => setMore({ key: rankKey, limit: limit + PAGE }),
  };
}

/** How many match the request: counted only once a full page is shown (a shorter list is its own count). */
function useMatchCount({ services, data, profile, filters, query }: RankingRequest, full: boolean, rankKey: string): number | undefined {
  const [counted, setCounted] = useState<{ key: string; total: number }>();
  useEffect(() => {
    if (!profile || !data || !full || !services.countMatches) return;
    let cancelled = false;
    services.countMatches(profile, { mode: profile.matchMode, filters, query, excludeIds: hiddenIds(data.partners) }).then(
      (total) => void (cancelled || setCounted({ key: rankKey, total })),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [full, data, profile, filters, query, services, rankKey]);
  return counted?.key === rankKey ? counted.total : undefined;
}

/** Marks the first paint of ranked results: the popup benchmark reads this mark. */
function useResultsPaintedMark(ranked: readonly RankedPartner[]): void {
  const painted = useRef(false);
  useEffect(() => {
    if (painted.current || ranked.length === 0) return;
    painted.current = true;
    requestAnimationFrame(() => performance.mark('mutual:results-painted'));
  }, [ranked]);
}
