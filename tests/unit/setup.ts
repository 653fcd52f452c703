import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// CI has 2 cores shared by every test worker: give findBy/waitFor more than the default second.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});
