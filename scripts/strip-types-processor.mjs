import { stripTypeScriptTypes } from 'node:module';

/**
 * An ESLint processor that lets ESLint's own parser read lib/'s TypeScript: Node's built-in type
 * stripper turns every type into white space, so lines and columns stay those of the source
 * (TypeScript 7 has no JavaScript API for typescript-eslint to use). Constructor parameter
 * properties are the one construct strip mode refuses; their modifiers are blanked first, which
 * changes nothing a lint of regular expressions looks at.
 */
const MODIFIER = /\b(?:public|private|protected|readonly|override)\s/g;

function blankParameterModifiers(text) {
  let out = '';
  let from = 0;
  for (let at = text.indexOf('constructor(', from); at >= 0; at = text.indexOf('constructor(', from)) {
    const open = at + 'constructor('.length;
    let depth = 1;
    let close = open;
    while (close < text.length && depth > 0) {
      const char = text[close++];
      if (char === '(') depth++;
      else if (char === ')') depth--;
    }
    out += text.slice(from, open) + text.slice(open, close).replace(MODIFIER, (word) => ' '.repeat(word.length));
    from = close;
  }
  return out + text.slice(from);
}

export const stripTypes = {
  meta: { name: 'strip-types' },
  preprocess: (text) => [stripTypeScriptTypes(blankParameterModifiers(text), { mode: 'strip' })],
  postprocess: (messages) => messages.flat(),
  supportsAutofix: false,
};
