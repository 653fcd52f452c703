import { CAREER_STAGES, type CareerStage, type MatchMode } from '../profile/model';
import type { BuiltInTemplateId } from './builtins';
import type { OutreachContext } from './variables';

const seniority = (stage: CareerStage) => CAREER_STAGES.indexOf(stage);

/**
 * The template a first message most likely needs, from who is more senior and the match mode
 * (the user's current mode unless given): reverse mentoring is offered upwards and asked for
 * downwards; two-way when both sides have something to teach; the ERG introduction when that is
 * the strongest link.
 */
export function suggestTemplate(context: OutreachContext, mode: MatchMode = context.me.matchMode): BuiltInTemplateId {
  const gap = seniority(context.partner.careerStage) - seniority(context.me.careerStage);
  const bothWays = context.theyTeachMe.length > 0 && context.iTeachThem.length > 0;
  const sharedErg = context.sharedErgs.length > 0;
  const byStage = (): BuiltInTemplateId => (gap > 0 ? 'reverse-request' : gap < 0 ? 'reverse-invite' : 'two-way');
  switch (mode) {
    case 'reverse':
      return byStage();
    case 'two-way':
      if (bothWays) return 'two-way';
      return sharedErg ? 'erg-intro' : byStage();
    case 'traditional':
      return sharedErg ? 'erg-intro' : 'two-way';
  }
}
