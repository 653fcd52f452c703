import { CAREER_STAGES } from '../profile/model';
import type { RankContext } from './context';
import { saturate, type Detail } from './evaluate';
import type { MatchExplanation, MatchFactor, SkillMeet } from './model';
import { UNKNOWN_FACTOR } from './weights';

const STAGE_LABEL: Record<(typeof CAREER_STAGES)[number], string> = {
  early: 'an early-career',
  mid: 'a mid-career',
  senior: 'a senior',
  executive: 'an executive',
};

/** Reasons shown on a card; the factor table carries the rest. */
const MAX_REASONS = 5;
const MAX_SKILL_REASONS = 2;
const GOOD_OVERLAP_MINUTES = 6 * 60;
const POOR_OVERLAP_MINUTES = 2 * 60;

function hours(minutes: number): string {
  return `${Math.round((minutes / 60) * 10) / 10} h`;
}

function skillList(meets: readonly SkillMeet[]): string {
  return meets.map((m) => (m.match === 'related' ? `${m.skill} (related to ${m.myText})` : `${m.skill} (${m.level})`)).join(', ');
}

function departmentDetail(theirs: string, factor: number): string {
  if (factor === UNKNOWN_FACTOR) return 'Department unknown';
  return factor === 0 ? `Same department (${theirs})` : `Other department: ${theirs}`;
}

function byWeight(meets: readonly SkillMeet[]): SkillMeet[] {
  return [...meets].sort((a, b) => b.weight - a.weight || a.skill.localeCompare(b.skill));
}

/**
 * Splits the score into points per factor. score = 100 × exchange × (exchangeWeight + Σ wₖfₖ) / Σw,
 * so each context factor earns 100 × exchange × wₖfₖ / Σw and the exchange part is shared between
 * the two directions in proportion to what each brings.
 */
function factorsOf(ctx: RankContext, p: number, detail: Detail): MatchFactor[] {
  const { weights, index } = ctx;
  const scale = ctx.weightSum > 0 ? (100 * detail.exchange) / ctx.weightSum : 0;
  const exchangePoints = ctx.weightSum > 0 ? scale * ctx.exchangeWeight : 100 * detail.exchange;
  const a = weights.theyTeachMe * saturate(detail.coverage.theyTeachMe);
  const b = weights.iTeachThem * saturate(detail.coverage.iTeachThem);
  const shareA = detail.direction === 'they-teach-me' ? 1 : detail.direction === 'i-teach-them' ? 0 : a + b > 0 ? a / (a + b) : 0.5;
  const notCounted = (flow: string) => `Not counted: ${ctx.mode} mode counts what ${flow}`;
  const theirDepartment = index.departments[index.department[p]!]!;
  const { factors } = detail;
  return [
    {
      name: 'They teach me',
      contribution: exchangePoints * shareA,
      detail: detail.direction === 'i-teach-them' ? notCounted('you teach them') : detail.theyTeachMe.length ? skillList(byWeight(detail.theyTeachMe)) : 'Nothing you want to learn',
    },
    {
      name: 'I teach them',
      contribution: exchangePoints * (1 - shareA),
      detail: detail.direction === 'they-teach-me' ? notCounted('they teach you') : detail.iTeachThem.length ? skillList(byWeight(detail.iTeachThem)) : 'Nothing they want to learn from you',
    },
    {
      name: 'Common ground',
      contribution: scale * weights.commonGround * factors.commonGround,
      detail: [...detail.ergs, ...detail.interests].join(', ') || 'No shared ERG or interest',
    },
    {
      name: 'Cross-department',
      contribution: scale * weights.crossDepartment * factors.crossDepartment,
      detail: departmentDetail(theirDepartment, factors.crossDepartment),
    },
    {
      name: 'Working hours',
      contribution: scale * weights.timeZone * factors.timeZone,
      detail: Number.isNaN(detail.overlapMinutes) ? 'Time zone unknown' : `${hours(detail.overlapMinutes)} of 9-17 overlap`,
    },
    {
      name: 'Meeting formats',
      contribution: scale * weights.formats * factors.formats,
      detail: detail.formats.length ? detail.formats.join(', ') + (factors.formats < 1 ? ' (in another location)' : '') : 'No shared format',
    },
  ];
}

function seniorityReason(ctx: RankContext, p: number, detail: Detail): string | undefined {
  if (detail.direction === 'both') return undefined;
  const theirs = STAGE_LABEL[CAREER_STAGES[ctx.index.stage[p]!]!];
  const kind = ctx.mode === 'reverse' ? 'Reverse mentoring' : 'Traditional mentoring';
  return detail.direction === 'i-teach-them' ? `${kind}: you teach ${theirs} colleague` : `${kind}: ${theirs} colleague teaches you`;
}

/** One reason per skill of theirs: a skill that meets several of mine is said once, as the same skill if it is one. */
function skillReasons(meets: readonly SkillMeet[], same: (m: SkillMeet) => string, related: (m: SkillMeet, mine: string) => string): string[] {
  const bySkill = new Map<string, SkillMeet[]>();
  for (const m of byWeight(meets)) bySkill.set(m.skill, [...(bySkill.get(m.skill) ?? []), m]);
  return [...bySkill.values()].slice(0, MAX_SKILL_REASONS).map((group) => {
    const exact = group.find((m) => m.match === 'same');
    return exact ? same(exact) : related(group[0]!, group.map((m) => m.myText).join(', '));
  });
}

function reasonsOf(ctx: RankContext, p: number, detail: Detail): string[] {
  const { index } = ctx;
  const reasons: string[] = [];
  if (detail.direction !== 'i-teach-them') {
    reasons.push(...skillReasons(detail.theyTeachMe, (m) => `Can teach you ${m.skill} (${m.level})`, (m, mine) => `Teaches ${m.skill}, related to ${mine}`));
  }
  if (detail.direction !== 'they-teach-me') {
    reasons.push(...skillReasons(detail.iTeachThem, (m) => `Wants to learn ${m.skill} from you`, (m, mine) => `Wants to learn ${m.skill}, related to your ${mine}`));
  }
  const seniority = seniorityReason(ctx, p, detail);
  if (seniority) reasons.push(seniority);
  if (detail.ergs.length) reasons.push(`Both in ${detail.ergs.join(', ')}`);
  if (detail.interests.length) reasons.push(`Shared interests: ${detail.interests.join(', ')}`);
  if (detail.factors.crossDepartment === 1) reasons.push(`Works in ${index.departments[index.department[p]!]}`);
  if (detail.overlapMinutes >= GOOD_OVERLAP_MINUTES) reasons.push(`${hours(detail.overlapMinutes)} of shared working hours`);
  else if (detail.overlapMinutes < POOR_OVERLAP_MINUTES) reasons.push(`Only ${hours(detail.overlapMinutes)} of shared working hours`);
  return reasons.slice(0, MAX_REASONS);
}

export function explain(ctx: RankContext, p: number, detail: Detail): { reasons: string[]; explanation: MatchExplanation } {
  return {
    reasons: reasonsOf(ctx, p, detail),
    explanation: {
      mode: ctx.mode,
      direction: detail.direction,
      theyTeachMe: detail.theyTeachMe,
      iTeachThem: detail.iTeachThem,
      commonGround: { ergs: detail.ergs, interests: detail.interests },
      sharedLanguages: detail.languages,
      sharedFormats: detail.formats,
      ...(Number.isNaN(detail.overlapMinutes) ? {} : { overlapHours: detail.overlapMinutes / 60 }),
      factors: factorsOf(ctx, p, detail),
    },
  };
}
