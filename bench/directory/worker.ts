import { serveFeedTail } from '../../lib/directory/feed-worker';
import { buildMatchIndex } from '../../lib/match';

// The bench page's feed worker: the same code the extension's worker runs.
serveFeedTail(self as unknown as Parameters<typeof serveFeedTail>[0], buildMatchIndex);
