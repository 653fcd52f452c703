import { parsePolicy, type DirectoryPolicy } from '@/lib/directory';
import { readManagedStorage } from './managed-storage';

/**
 * The organization's directory policy; `onLateChange` gets the policy when managed storage answers
 * late with something other than the copy that was used.
 */
export async function readPolicy(onLateChange?: (policy: DirectoryPolicy) => void): Promise<DirectoryPolicy> {
  return parsePolicy(await readManagedStorage(onLateChange && ((values) => onLateChange(parsePolicy(values)))));
}
