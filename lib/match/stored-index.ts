import { loadDirectorySnapshot, loadStoredIndex, replaceIndex, type DirectoryMeta } from '../directory';
import { buildMatchIndex, isCurrentMatchIndex } from './build';
import type { MatchIndex } from './model';

/**
 * The stored directory as the popup ranks it. An index written by another engine version or
 * taxonomy is rebuilt once from the stored entries (a few hundred ms at 100k) and stored again.
 */
export async function loadDirectoryIndex(): Promise<{ meta: DirectoryMeta; index: MatchIndex } | undefined> {
  const stored = await loadStoredIndex();
  if (!stored) return undefined;
  if (isCurrentMatchIndex(stored.index)) return { meta: stored.meta, index: stored.index };
  const snapshot = await loadDirectorySnapshot();
  if (!snapshot) return undefined;
  const index = buildMatchIndex(snapshot.entries);
  await replaceIndex(snapshot.meta.version, index);
  return { meta: snapshot.meta, index };
}
