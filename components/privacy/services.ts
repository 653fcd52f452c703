import type { StoreName } from '@/lib/privacy';

/** What "Delete all my data" did besides emptying the stores: the sites given back, the menu rebuilt. */
export interface DeletedData {
  cleared: StoreName[];
  /** Origins ("https://intranet.example.com") Mutual had access to for feeds, now given back. */
  releasedOrigins: string[];
  /** Whether the right-click menu was rebuilt without the deleted templates. */
  menuRebuilt: boolean;
}

/** The browser side of the privacy section; injected so tests can drive it. */
export interface PrivacyServices {
  /** Waits for a sync that is saving (a sync still fetching saves nothing), then deletes everything. */
  deleteAllData(): Promise<DeletedData>;
}
