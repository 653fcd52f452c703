import { cleanValue, isVariableName, VARIABLES, type TemplateValues } from './variables';
import type { Template } from './model';

/**
 * Templates use a small Mustache-like syntax: `{{name}}` inserts a value, `{{#name}}…{{/name}}`
 * keeps its content only when `name` has a value, `{{^name}}…{{/name}}` only when it has none.
 * Rendering is one pass over the template: values are copied into the output and never scanned,
 * so partner text such as `{{me.email}}` stays literal.
 */

type Token = { type: 'text'; text: string } | { type: 'tag'; sigil: '' | '#' | '^' | '/'; name: string; raw: string };
type Node =
  | { type: 'text'; text: string }
  | { type: 'variable'; name: string }
  | { type: 'section'; name: string; inverted: boolean; children: Node[] };

export interface MissingValue {
  name: string;
  /** What the text shows instead, e.g. "[their team]". */
  placeholder: string;
  /** What the value is, in words for the person asked to fill it in. */
  description: string;
}

export interface RenderedText {
  text: string;
  missing: MissingValue[];
}

export interface RenderedMessage {
  subject: string;
  body: string;
  missing: MissingValue[];
}

const TAG = /\{\{\s*(?:([#^/])\s*)?([A-Za-z][\w.]*)\s*\}\}/g;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const match of source.matchAll(TAG)) {
    if (match.index > last) tokens.push({ type: 'text', text: source.slice(last, match.index) });
    tokens.push({ type: 'tag', sigil: (match[1] ?? '') as '' | '#' | '^' | '/', name: match[2]!, raw: match[0] });
    last = match.index + match[0].length;
  }
  if (last < source.length) tokens.push({ type: 'text', text: source.slice(last) });
  return dropStandaloneLines(tokens);
}

/**
 * A section tag alone on its line takes the line with it (as in Mustache), so a dropped section
 * leaves no empty line behind and authors can write sections as blocks.
 */
function dropStandaloneLines(tokens: Token[]): Token[] {
  // Decided on the original text first: two standalone tags may share the text between them.
  const cut = tokens.map(() => ({ start: 0, end: 0 }));
  tokens.forEach((token, i) => {
    if (token.type !== 'tag' || token.sigil === '') return;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    if (before?.type === 'tag' || after?.type === 'tag') return;
    // The text before must end the previous line (or open the template), the text after must end this line.
    const head = before && /(^|\n)[ \t]*$/.exec(before.text);
    const tail = after && /^[ \t]*(\r?\n|$)/.exec(after.text);
    if (before && (!head || (head[1] === '' && i !== 1))) return;
    if (after && (!tail || (tail[1] === '' && i !== tokens.length - 2))) return;
    if (before && head) cut[i - 1]!.end = before.text.length - head.index - head[1]!.length;
    if (after && tail) cut[i + 1]!.start = tail[0].length;
  });
  return tokens.map((token, i) => {
    const { start, end } = cut[i]!;
    return token.type === 'text' ? { type: 'text', text: token.text.slice(start, Math.max(start, token.text.length - end)) } : token;
  });
}

/** Builds the tree; problems (unclosed or stray section tags) are reported, and the tree stays usable. */
function parse(source: string): { nodes: Node[]; problems: string[] } {
  const root: Node[] = [];
  const open: { name: string; children: Node[] }[] = [];
  const problems: string[] = [];
  const current = () => open.at(-1)?.children ?? root;
  for (const token of tokenize(source)) {
    if (token.type === 'text') current().push({ type: 'text', text: token.text });
    else if (token.sigil === '') current().push({ type: 'variable', name: token.name });
    else if (token.sigil === '/') {
      if (open.at(-1)?.name === token.name) open.pop();
      else problems.push(`${token.raw} closes a section that is not open.`);
    } else {
      const section: Node = { type: 'section', name: token.name, inverted: token.sigil === '^', children: [] };
      current().push(section);
      open.push(section);
    }
  }
  for (const section of open) problems.push(`{{#${section.name}}} is never closed with {{/${section.name}}}.`);
  return { nodes: root, problems };
}

function blankOf(name: string): MissingValue {
  if (isVariableName(name)) return { name, ...VARIABLES[name] };
  return { name, placeholder: `[${name}]`, description: `What “${name}” should say` };
}

function valueOf(values: TemplateValues, name: string): string {
  return isVariableName(name) ? (values[name] ?? '') : '';
}

function renderNodes(nodes: Node[], values: TemplateValues, out: string[], missing: Map<string, MissingValue>): void {
  for (const node of nodes) {
    if (node.type === 'text') out.push(node.text);
    else if (node.type === 'section') {
      if (Boolean(valueOf(values, node.name)) !== node.inverted) renderNodes(node.children, values, out, missing);
    } else {
      const value = valueOf(values, node.name);
      if (value) out.push(value);
      else {
        const blank = blankOf(node.name);
        missing.set(node.name, blank);
        out.push(blank.placeholder);
      }
    }
  }
}

/**
 * Runs of spaces between two words become one. Each run is found once and its neighbours looked
 * at: a lookaround pattern for it retried every start in a long run of spaces (quadratic).
 */
function collapseInnerSpaces(line: string): string {
  return line.replace(/ {2,}/g, (run: string, at: number) => (at > 0 && /\S/.test(line[at - 1]!) && /\S/.test(line[at + run.length] ?? '') ? ' ' : run));
}

/** Tidies the spaces and blank lines that dropped optional parts leave behind. */
function tidy(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => collapseInnerSpaces(line).trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function renderText(source: string, values: TemplateValues): RenderedText {
  const missing = new Map<string, MissingValue>();
  const out: string[] = [];
  renderNodes(parse(source).nodes, values, out, missing);
  return { text: tidy(out.join('')), missing: [...missing.values()] };
}

export function renderTemplate(template: Pick<Template, 'subject' | 'body'>, values: TemplateValues): RenderedMessage {
  const subject = renderText(template.subject, values);
  const body = renderText(template.body, values);
  const missing = new Map([...subject.missing, ...body.missing].map((value) => [value.name, value]));
  return { subject: subject.text, body: body.text, missing: [...missing.values()] };
}

/** What is wrong with a template's text, in words for the editor: unknown variables, unbalanced sections. */
export function templateProblems(source: string): string[] {
  const unknown = [...source.matchAll(TAG)].map((match) => match[2]!).filter((name) => !isVariableName(name));
  return [...new Set(unknown)].map((name) => `{{${name}}} is not a variable Mutual knows.`).concat(parse(source).problems);
}

/** Placeholders from `missing` that the text still contains (the user may have filled some in). */
export function unfilled(text: string, missing: readonly MissingValue[]): MissingValue[] {
  return missing.filter((value) => text.includes(value.placeholder));
}

/**
 * The text with each blank the user filled in replaced by their value (cleaned like every other
 * value). Only blanks change: optional sections stay as the profiles decided, so filling in a
 * value never adds a paragraph the person did not see.
 */
export function fillBlanks(text: string, missing: readonly MissingValue[], fills: Readonly<Record<string, string>>): string {
  return missing.reduce((filled, value) => {
    const fill = cleanValue(fills[value.name] ?? '');
    // A function replacer: "$&" in what the user typed stays literal.
    return fill ? filled.replaceAll(value.placeholder, () => fill) : filled;
  }, text);
}
