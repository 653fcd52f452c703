import { builtInTemplate, renderTemplate, type RenderedMessage, type Template, type TemplateKind, type TemplateValues } from '../templates';
import type { Agreement, Partnership, Reflection } from './model';
import type { Balance } from './rules';

/** The person's own wording of a kind of message (an edited built-in counts), else Mutual's. */
export function messageOfKind(library: readonly Template[], kind: Extract<TemplateKind, 'follow-up' | 'thank-you'>, values: TemplateValues): RenderedMessage {
  const template = library.find((candidate) => candidate.kind === kind) ?? builtInTemplate(kind);
  return renderTemplate(template, values);
}

const ANSWER_WORDS: Record<Reflection['myObjectivesMet'], string> = { yes: 'met', partly: 'partly met', no: 'not met yet' };

/** Markdown's special characters, escaped: the person's text reads as text wherever it is pasted. */
function markdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/g, '\\$&').replace(/^([ \t]*)([-=])/gm, '$1\\$2');
}

/** A short story to share, in Markdown; only what the person chose to put in the reflection and the agreement. */
export function partnershipStory(input: {
  partnership: Pick<Partnership, 'partnerName'>;
  agreement?: Pick<Agreement, 'iTeach' | 'theyTeach' | 'durationMonths'>;
  reflection: Reflection;
  balance: Pick<Balance, 'sessions' | 'minutesTeaching' | 'minutesLearning'>;
  myName: string;
}): string {
  const { agreement, reflection, balance } = input;
  const lines = [`## ${markdownText(input.myName || 'Me')} and ${markdownText(input.partnership.partnerName)}: a two-way mentoring partnership`, ''];
  if (agreement?.theyTeach) lines.push(`- I learned: ${markdownText(agreement.theyTeach)}`);
  if (agreement?.iTeach) lines.push(`- I taught: ${markdownText(agreement.iTeach)}`);
  if (balance.sessions > 0) lines.push(`- ${balance.sessions} ${balance.sessions === 1 ? 'session' : 'sessions'}: ${balance.minutesLearning} minutes learning, ${balance.minutesTeaching} minutes teaching`);
  lines.push(`- My objectives: ${ANSWER_WORDS[reflection.myObjectivesMet]}; theirs: ${ANSWER_WORDS[reflection.theirObjectivesMet]}`);
  if (reflection.shareLine) lines.push('', `> ${markdownText(reflection.shareLine)}`);
  return lines.join('\n');
}
