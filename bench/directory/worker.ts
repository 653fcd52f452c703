import { serveFeedTail } from '../../lib/directory/part-worker';
import { buildMatchIndex } from '../../lib/match';

// The bench page's part worker: the same code the extension's worker runs.
serveFeedTail(self as unknown as Parameters<typeof serveFeedTail>[0], buildMatchIndex);
