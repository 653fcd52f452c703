// @vitest-environment node
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint `npm test` runs over lib/ (eslint.config.mjs): it must read TypeScript and catch what it is for. */
async function lint(code: string): Promise<string[]> {
  const eslint = new ESLint({ overrideConfigFile: 'eslint.config.mjs' });
  const [result] = await eslint.lintText(code, { filePath: 'lib/directory/example.ts' });
  return [...(result?.messages ?? [])].map((message) => `${message.line}:${message.ruleId ?? message.message}`);
}

describe('the regular-expression lint over lib/', () => {
  it('reads TypeScript (types, generics, parameter properties) and flags quadratic backtracking where it is', async () => {
    const messages = await lint(
      [
        'export class Failure extends Error {',
        '  constructor(readonly stage: string, private readonly code?: number) { super(stage); }',
        '}',
        'export function level<T extends string>(cell: T): string | undefined {',
        '  return /^(.*?)\\s*\\(\\s*(\\w+?)\\s*\\)$/.exec(cell)?.[2];',
        '}',
      ].join('\n'),
    );
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((message) => message.startsWith('5:regexp/no-super-linear'))).toBe(true);
  });

  it('flags a pattern that is quadratic when it fails at every start, and passes linear ones', async () => {
    expect(await lint("export const trim = (text: string): string => text.replace(/\\s+please$/i, '');")).toEqual(['1:regexp/no-super-linear-move']);
    expect(await lint("export const words = (text: string): string[] => text.split(/[;,|]/).map((item: string) => item.replace(/\\s+/g, ' '));")).toEqual([]);
  });
});
