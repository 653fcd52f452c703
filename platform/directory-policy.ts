import { parsePolicy, type DirectoryPolicy } from '@/lib/directory';
import { readManagedStorage } from './managed-storage';

/** The organization's directory policy (public/managed_schema.json); malformed keys are ignored. */
export async function readPolicy(): Promise<DirectoryPolicy> {
  return parsePolicy(await readManagedStorage());
}
