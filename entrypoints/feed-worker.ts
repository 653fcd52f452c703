import '@/platform/zod-csp';
import { serveFeedTail } from '@/lib/directory/feed-worker';
import { buildMatchIndex } from '@/lib/match';

/**
 * The feed worker (lib/directory/split): parses, stores and indexes the second half of a large
 * feed while the page that syncs does the first. Started by platform/feed-worker.ts; no extension API.
 */
export default defineUnlistedScript(() => serveFeedTail(self as unknown as Parameters<typeof serveFeedTail>[0], buildMatchIndex));
