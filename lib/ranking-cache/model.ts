/** What a ranking depends on. The engine is deterministic, so equal keys give equal results. */
export interface RankingKey {
  directoryVersion: string;
  /** The profile's updatedAt: any edit (skills, weights, logistics) changes it. */
  profileUpdatedAt: string;
  mode: string;
  hiddenIds: readonly string[];
  top: number;
  /** Local day: consent expiry and daylight-saving offsets move with the date. */
  day: string;
}

export function rankingKey(key: RankingKey): string {
  return JSON.stringify([key.directoryVersion, key.profileUpdatedAt, key.mode, [...key.hiddenIds].sort(), key.top, key.day]);
}
