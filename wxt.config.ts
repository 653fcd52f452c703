import { defineConfig } from 'wxt';

// A separate test build may reach pages served on 127.0.0.1; the shipped build never asks for host access.
const testBuild = process.env.MUTUAL_TEST_BUILD === '1';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // The test build reads an administrator's policy from a file in its own folder when the end-to-end
  // tests cannot write Chromium's policy folder (not root); the shipped build has no such path.
  vite: () => ({ define: { 'import.meta.env.MUTUAL_TEST_BUILD': JSON.stringify(testBuild) } }),
  outDirTemplate: testBuild ? '{{browser}}-mv{{manifestVersion}}-test' : '{{browser}}-mv{{manifestVersion}}',
  manifest: ({ browser }) => ({
    name: 'Mutual',
    description: 'Find two-way mentoring partners in your organization and start the conversation. Runs locally.',
    // offscreen (Chromium): a document that may start the sync's worker, which the service worker may not.
    permissions: ['storage', 'activeTab', 'scripting', 'alarms', 'contextMenus', ...(browser === 'firefox' ? [] : ['offscreen'])],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Asked when the person turns check-in reminders on; reminders show in the popup without it.
    optional_permissions: ['notifications'],
    host_permissions: testBuild ? ['http://127.0.0.1/*'] : undefined,
    storage: { managed_schema: 'managed_schema.json' },
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+M' }, description: 'Open Mutual' },
      'insert-draft': {
        suggested_key: { default: 'Alt+Shift+I' },
        description: 'Insert the current Mutual draft into the focused field',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'mutual@mutual.example',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
