// Deep imports: the index also carries the zod schemas, which pages need not download and run.
import { insertMessage } from '@/lib/insert/subject';
import { INSERTER_KEY, probeFrame } from '@/lib/insert/probe';

/**
 * Injected on demand (activeTab) into every frame of the tab, in the page's MAIN world: synthetic
 * paste and beforeinput events carrying a DataTransfer only reach editors from there (Firefox
 * drops the data from content-script worlds). It leaves the inserter for the one frame chosen,
 * and reports whether this frame has focus and a field to take text.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  world: 'MAIN',
  main() {
    Object.defineProperty(globalThis, Symbol.for(INSERTER_KEY), { value: insertMessage, configurable: true });
    return probeFrame();
  },
});
