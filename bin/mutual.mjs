#!/usr/bin/env node
// The CLI is TypeScript shared with the extension. Node (22.18+, 23.6+) runs it directly by
// stripping the types, so nothing is compiled and no build tool is needed at run time. Mutual's
// sources import without file endings (bundler style): the hook below adds `.ts` or `/index.ts`.
import { registerHooks } from 'node:module';

const ENDINGS = ['.ts', '.tsx', '/index.ts'];
const WRITTEN_ENDING = /\.(?:[cm]?[jt]s|tsx|json)$/;

registerHooks({
  resolve(specifier, context, nextResolve) {
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    if (!relative || WRITTEN_ENDING.test(specifier) || !context.parentURL?.endsWith('.ts')) return nextResolve(specifier, context);
    for (const ending of ENDINGS) {
      try {
        return nextResolve(specifier + ending, context);
      } catch {
        // not this ending: try the next
      }
    }
    return nextResolve(specifier, context);
  },
});

// Output piped into `head` and closed early is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
