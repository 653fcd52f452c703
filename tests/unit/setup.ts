import 'fake-indexeddb/auto';
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// fake-indexeddb clones with Node's structuredClone, which keeps Node's Blobs (as a browser's IndexedDB
// keeps its own) but not happy-dom's: stored Blobs must be Node's.
globalThis.Blob = NodeBlob as unknown as typeof Blob;

// CI has 2 cores shared by every test worker: give findBy/waitFor more than the default second.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});
