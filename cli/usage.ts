import { parseArgs, type ParseArgsConfig } from 'node:util';
import { errorMessage } from '../lib/errors';

/** A problem with how a command was called: exit code 2, with the usage when `showUsage`. */
export class UsageError extends Error {
  readonly showUsage: boolean;

  constructor(message: string, showUsage = false) {
    super(message);
    this.showUsage = showUsage;
  }
}

/** node:util's parseArgs, with its complaints about options turned into a UsageError. */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, showUsage = false): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(errorMessage(error), showUsage);
  }
}
