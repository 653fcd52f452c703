import { browser } from 'wxt/browser';
import { parsePolicy, type DirectoryPolicy } from '@/lib/directory';

/** The organization's policy; managed storage is absent on most machines (and in Firefox without policy). */
export async function readPolicy(): Promise<DirectoryPolicy> {
  try {
    return parsePolicy(await browser.storage.managed.get());
  } catch {
    return {};
  }
}
