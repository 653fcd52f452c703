import { DIRECTORY_USAGE, runDirectory } from './directory';
import { runMatch, type CliIo } from './match';
import { runPair } from './pair';

const USAGE = `Mutual: two-way mentoring matches, from the command line.

${DIRECTORY_USAGE}

  mutual match --profile <me.json> --directory <feed> [options]
      Ranks a directory for a profile (mutual match --help for its options).

  mutual pair <feed> [--mode two-way|reverse|traditional] [--json] [-o pairs.csv] [--graph edges.csv]
              [--exclude exclusions.csv] [--require cross-department|cross-generation]
      Pairs a whole cohort, provably optimally (mutual pair --help for its options).

  mutual --help`;

/** Runs `mutual <args>` and returns the exit code: 0 done, 1 the input is not usable, 2 wrong usage. */
export async function main(args: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'directory':
        return await runDirectory(rest, io);
      case 'match':
        return await runMatch(rest, io);
      case 'pair':
        return await runPair(rest, io);
      case '--help':
      case '-h':
      case 'help':
        io.stdout(`${USAGE}\n`);
        return 0;
      default:
        io.stderr(`${command === undefined ? 'Missing command.' : `Unknown command "${command}".`}\n\n${USAGE}\n`);
        return 2;
    }
  } catch (error) {
    io.stderr(`mutual: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
