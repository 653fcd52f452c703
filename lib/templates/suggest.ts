import { CAREER_STAGES, type CareerStage, type MatchMode } from '../profile';
import type { BuiltInTemplateId } from './builtins';
import type { Template, TemplateKind } from './model';
import type { OutreachContext } from './variables';

const seniority = (stage: CareerStage) => CAREER_STAGES.indexOf(stage);

/** Above zero: they are more senior than me. */
function gapOf(context: OutreachContext): number {
  return seniority(context.partner.careerStage) - seniority(context.me.careerStage);
}

/**
 * Whether a template of this kind says the right thing to this partner in this mode. A first ask
 * must point the right way: in reverse mode I offer to teach someone more senior and ask someone
 * more junior to teach me, never the other way round; traditional mode asks seniors (or peers) for
 * mentoring; a two-way proposal needs something to give on each side; an ERG introduction needs a
 * shared ERG. Later messages (follow-up, first meeting, thanks, decline) and custom templates fit
 * everyone.
 */
export function kindFits(kind: TemplateKind, context: OutreachContext, mode: MatchMode = context.me.matchMode): boolean {
  const gap = gapOf(context);
  const theyTeach = context.theyTeachMe.length > 0;
  switch (kind) {
    case 'reverse-request':
      return mode !== 'traditional' && gap > 0;
    case 'reverse-invite':
      return mode !== 'traditional' && gap < 0 && theyTeach;
    case 'mentor-request':
      return theyTeach && (mode === 'two-way' || (mode === 'traditional' && gap >= 0));
    case 'two-way':
      return theyTeach && context.iTeachThem.length > 0;
    case 'erg-intro':
      return context.sharedErgs.length > 0;
    case 'follow-up':
    case 'first-meeting':
    case 'thank-you':
    case 'decline':
    case 'custom':
      return true;
  }
}

/** The templates worth offering for this pair, in library order. */
export function offeredTemplates<T extends Pick<Template, 'kind'>>(templates: readonly T[], context: OutreachContext, mode: MatchMode = context.me.matchMode): T[] {
  return templates.filter((template) => kindFits(template.kind, context, mode));
}

/**
 * The template a first message most likely needs, from the mode (the user's current mode unless
 * given), who is more senior and what each side teaches: the first of the mode's preferences that
 * fits the pair, or undefined when no first ask fits (the panel then starts with the first offered).
 */
export function suggestTemplate(context: OutreachContext, mode: MatchMode = context.me.matchMode): BuiltInTemplateId | undefined {
  const reverse: BuiltInTemplateId = gapOf(context) > 0 ? 'reverse-request' : 'reverse-invite';
  const preferences: Record<MatchMode, BuiltInTemplateId[]> = {
    reverse: [reverse, 'two-way', 'erg-intro'],
    'two-way': ['two-way', 'erg-intro', reverse, 'mentor-request'],
    traditional: ['mentor-request', 'two-way', 'erg-intro'],
  };
  return preferences[mode].find((id) => kindFits(id, context, mode));
}
