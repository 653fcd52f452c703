import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { welcomeOnInstalled } from '../../../platform/welcome';

describe('welcome on install', () => {
  let create: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    create = vi.fn(async () => ({ id: 1 }));
    fakeBrowser.tabs.create = create as never;
  });
  afterEach(() => fakeBrowser.reset());

  it('opens the options page at its welcome on a new install, once', async () => {
    await welcomeOnInstalled({ reason: 'install' });
    expect(create).toHaveBeenCalledExactlyOnceWith({ url: expect.stringMatching(/\/options\.html#welcome$/) });
    await welcomeOnInstalled({ reason: 'install' });
    expect(create).toHaveBeenCalledOnce();
  });

  it('never opens it on an update or a browser update, even for a profile that never saw it', async () => {
    await welcomeOnInstalled({ reason: 'update' });
    await welcomeOnInstalled({ reason: 'chrome_update' });
    await welcomeOnInstalled({ reason: 'shared_module_update' });
    expect(create).not.toHaveBeenCalled();
  });
});
