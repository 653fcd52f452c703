import { CAREER_STAGE_LABELS, CAREER_STAGES, type CareerStage } from '../profile';
import type { RankContext } from './context';
import { saturate, type ContextFactors, type Detail } from './evaluate';
import type { LimitingFactor, MatchExplanation, MatchFactor, SkillMeet } from './model';
import { searchReason } from './query-match';
import { UNKNOWN_FACTOR } from './weights';

const STAGE_LABEL: Record<CareerStage, string> = {
  early: 'an early-career',
  mid: 'a mid-career',
  senior: 'a senior',
  executive: 'an executive',
};

/** As the profile form names the stages. */

/** Reasons shown on a card; the factor table carries the rest. */
const MAX_REASONS = 6;
const MAX_SKILL_REASONS = 2;
const GOOD_OVERLAP_MINUTES = 6 * 60;
const POOR_OVERLAP_MINUTES = 2 * 60;
/** A factor that costs fewer points than this does not hold a match back worth saying so. */
const LIMITING_MIN_POINTS = 3;

const THEY_TEACH_NOTHING = 'They teach nothing you want to learn';
const THEY_WANT_NOTHING = 'They want nothing you listed to teach';

function hours(minutes: number): string {
  return `${Math.round((minutes / 60) * 10) / 10} h`;
}

/** "you wrote 'Excle'": only where a text was taken for a skill by its spelling. */
function wrote(m: SkillMeet): string[] {
  return [m.myHow === 'fuzzy' ? `you wrote '${m.myText}'` : '', m.theirHow === 'fuzzy' ? `they wrote '${m.theirText}'` : ''].filter(Boolean);
}

/** "Budgeting (expert; you wrote 'Budegting')": one pair of brackets, whatever they hold. */
function withNotes(text: string, notes: readonly string[]): string {
  return notes.length ? `${text} (${notes.join('; ')})` : text;
}

function skillList(meets: readonly SkillMeet[]): string {
  return meets.map((m) => withNotes(m.skill, [m.match === 'related' ? `related to ${m.myName}` : m.level, ...wrote(m)])).join(', ');
}

function stageName(ctx: RankContext, p: number): string {
  return CAREER_STAGE_LABELS[CAREER_STAGES[ctx.index.stage[p]!]!];
}

function myStageName(ctx: RankContext): string {
  return CAREER_STAGE_LABELS[CAREER_STAGES[ctx.myStage]!];
}

function departmentDetail(ctx: RankContext, p: number, factor: number): string {
  const theirs = ctx.index.departments[ctx.index.department[p]!]!;
  // Unknown when either side left it empty: say whose, so the person knows what to fill in.
  if (factor === UNKNOWN_FACTOR) return ctx.myDepartment === -1 ? 'Your department is not in your profile' : 'Their department is not in the directory';
  return factor === 0 ? `Same department (${theirs})` : `Other department: ${theirs}${ctx.myDepartmentName ? ` (you: ${ctx.myDepartmentName})` : ''}`;
}

function generationDetail(ctx: RankContext, p: number, factor: number): string {
  return factor === 0 ? `Same career stage (${myStageName(ctx)})` : `Different career stage: ${stageName(ctx, p)} ↔ ${myStageName(ctx)}`;
}

function byWeight(meets: readonly SkillMeet[]): SkillMeet[] {
  return [...meets].sort((a, b) => b.weight - a.weight || a.skill.localeCompare(b.skill));
}

/** The context factors in the order of the factor table, with their weights and names. */
const CONTEXT_FACTORS: readonly { key: keyof ContextFactors; name: string }[] = [
  { key: 'commonGround', name: 'Common ground' },
  { key: 'crossDepartment', name: 'Cross-department' },
  { key: 'crossGeneration', name: 'Cross-generation' },
  { key: 'timeZone', name: 'Working hours' },
  { key: 'formats', name: 'Meeting formats' },
];

function contextDetail(ctx: RankContext, p: number, detail: Detail, key: keyof ContextFactors): string {
  const { factors } = detail;
  switch (key) {
    case 'commonGround':
      return [...detail.ergs, ...detail.interests].join(', ') || 'No shared ERG or interest';
    case 'crossDepartment':
      return departmentDetail(ctx, p, factors.crossDepartment);
    case 'crossGeneration':
      return generationDetail(ctx, p, factors.crossGeneration);
    case 'timeZone':
      return Number.isNaN(detail.overlapMinutes) ? 'Time zone unknown' : `${hours(detail.overlapMinutes)} of 9-17 overlap`;
    case 'formats':
      return detail.formats.length ? detail.formats.join(', ') + (factors.formats < 1 ? ' (in another location)' : '') : 'No shared format';
  }
}

/**
 * Splits the score into points per factor. score = 100 × exchange × (exchangeWeight + Σ wₖfₖ) / Σw,
 * so each context factor earns 100 × exchange × wₖfₖ / Σw and the exchange part is shared between
 * the two directions in proportion to what each brings.
 */
function factorsOf(ctx: RankContext, p: number, detail: Detail): MatchFactor[] {
  const { weights } = ctx;
  const scale = ctx.weightSum > 0 ? (100 * detail.exchange) / ctx.weightSum : 0;
  const exchangePoints = ctx.weightSum > 0 ? scale * ctx.exchangeWeight : 100 * detail.exchange;
  const a = weights.theyTeachMe * saturate(detail.coverage.theyTeachMe);
  const b = weights.iTeachThem * saturate(detail.coverage.iTeachThem);
  const shareA = detail.direction === 'they-teach-me' ? 1 : detail.direction === 'i-teach-them' ? 0 : a + b > 0 ? a / (a + b) : 0.5;
  const notCounted = (flow: string) => `Not counted: ${ctx.mode} mode counts what ${flow}`;
  return [
    {
      name: 'They teach me',
      contribution: exchangePoints * shareA,
      detail: detail.direction === 'i-teach-them' ? notCounted('you teach them') : detail.theyTeachMe.length ? skillList(byWeight(detail.theyTeachMe)) : THEY_TEACH_NOTHING,
    },
    {
      name: 'I teach them',
      contribution: exchangePoints * (1 - shareA),
      detail: detail.direction === 'they-teach-me' ? notCounted('they teach you') : detail.iTeachThem.length ? skillList(byWeight(detail.iTeachThem)) : THEY_WANT_NOTHING,
    },
    ...CONTEXT_FACTORS.map(({ key, name }) => ({ name, contribution: scale * weights[key] * detail.factors[key], detail: contextDetail(ctx, p, detail, key) })),
  ];
}

/** The context multiplier the score was scaled by (see contextOf). */
function contextMultiplier(ctx: RankContext, factors: ContextFactors): number {
  if (!(ctx.weightSum > 0)) return 1;
  return CONTEXT_FACTORS.reduce((sum, { key }) => sum + ctx.weights[key] * factors[key], ctx.exchangeWeight) / ctx.weightSum;
}

/**
 * What costs the match the most points. The exchange loses 100 × (1 − exchange) × context, laid on
 * the weaker direction that counts (in two-way mode the harmonic mean is held down by the weaker
 * side); a context factor k loses 100 × exchange × wₖ(1 − fₖ) / Σw.
 */
function limitingFactorOf(ctx: RankContext, p: number, detail: Detail): LimitingFactor | undefined {
  const context = contextMultiplier(ctx, detail.factors);
  const teach = saturate(detail.coverage.theyTeachMe);
  const learn = saturate(detail.coverage.iTeachThem);
  const weakSide = detail.direction === 'they-teach-me' || (detail.direction === 'both' && teach <= learn) ? 'They teach me' : 'I teach them';
  // The points each factor costs; only the worst one's reason is put in words.
  const losses = [
    { key: undefined, factor: weakSide, lostPoints: 100 * (1 - detail.exchange) * context },
    ...CONTEXT_FACTORS.map(({ key, name }) => ({
      key,
      factor: name,
      lostPoints: ctx.weightSum > 0 ? (100 * detail.exchange * ctx.weights[key] * (1 - detail.factors[key])) / ctx.weightSum : 0,
    })),
  ];
  const worst = losses.reduce((best, next) => (next.lostPoints > best.lostPoints ? next : best));
  if (worst.lostPoints < LIMITING_MIN_POINTS) return undefined;
  const reason = worst.key ? contextShortfall(ctx, p, detail, worst.key) : exchangeShortfall(weakSide, weakSide === 'They teach me' ? teach : learn);
  return { factor: worst.factor, lostPoints: Math.round(worst.lostPoints * 10) / 10, reason };
}

function exchangeShortfall(side: string, covered: number): string {
  if (side === 'They teach me') return covered === 0 ? THEY_TEACH_NOTHING : 'Held back most by: they teach only part of what you want to learn';
  return covered === 0 ? THEY_WANT_NOTHING : 'Held back most by: you teach only part of what they want to learn';
}

function contextShortfall(ctx: RankContext, p: number, detail: Detail, key: keyof ContextFactors): string {
  if (key === 'timeZone' && !Number.isNaN(detail.overlapMinutes)) return `Held back most by: only ${hours(detail.overlapMinutes)} of shared working hours`;
  const text = contextDetail(ctx, p, detail, key);
  return `Held back most by: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

function seniorityReason(ctx: RankContext, p: number, detail: Detail): string | undefined {
  if (detail.direction === 'both') return undefined;
  const theirs = STAGE_LABEL[CAREER_STAGES[ctx.index.stage[p]!]!];
  const kind = ctx.mode === 'reverse' ? 'Reverse mentoring' : 'Traditional mentoring';
  return detail.direction === 'i-teach-them' ? `${kind}: you teach ${theirs} colleague` : `${kind}: ${theirs} colleague teaches you`;
}

/** One reason per skill of theirs: a skill that meets several of mine is said once, as the same skill if it is one. */
function skillReasons(meets: readonly SkillMeet[], same: (m: SkillMeet) => { text: string; notes: string[] }, related: (m: SkillMeet, mine: string) => string): string[] {
  const bySkill = new Map<string, SkillMeet[]>();
  for (const m of byWeight(meets)) bySkill.set(m.skill, [...(bySkill.get(m.skill) ?? []), m]);
  return [...bySkill.values()].slice(0, MAX_SKILL_REASONS).map((group) => {
    const exact = group.find((m) => m.match === 'same');
    if (exact) {
      const { text, notes } = same(exact);
      return withNotes(text, [...notes, ...wrote(exact)]);
    }
    return withNotes(related(group[0]!, [...new Set(group.map((m) => m.myName))].join(', ')), wrote(group[0]!));
  });
}

/** The reasons for a card: what holds the score back first (or a side that is empty), then the strengths. */
function reasonsOf(ctx: RankContext, p: number, detail: Detail, limiting: LimitingFactor | undefined, search: string | undefined): string[] {
  const reasons: string[] = [];
  if (limiting) reasons.push(limiting.reason);
  // A search's result says why it is one, right after what holds its score back.
  if (search) reasons.push(`Your search: ${search}`);
  if (detail.direction === 'both') {
    // A one-way match must never look two-way: an empty side is said in words.
    if (!detail.theyTeachMe.length) reasons.push(THEY_TEACH_NOTHING);
    if (!detail.iTeachThem.length) reasons.push(THEY_WANT_NOTHING);
  }
  if (detail.direction !== 'i-teach-them') {
    reasons.push(...skillReasons(detail.theyTeachMe, (m) => ({ text: `Can teach you ${m.skill}`, notes: [m.level] }), (m, mine) => `Teaches ${m.skill}, related to ${mine}`));
  }
  if (detail.direction !== 'they-teach-me') {
    reasons.push(...skillReasons(detail.iTeachThem, (m) => ({ text: `Wants to learn ${m.skill} from you`, notes: [] }), (m, mine) => `Wants to learn ${m.skill}, related to your ${mine}`));
  }
  const seniority = seniorityReason(ctx, p, detail);
  if (seniority) reasons.push(seniority);
  else if (detail.factors.crossGeneration > 0) reasons.push(generationDetail(ctx, p, detail.factors.crossGeneration));
  if (detail.ergs.length) reasons.push(`Both in ${detail.ergs.join(', ')}`);
  if (detail.interests.length) reasons.push(`Shared interests: ${detail.interests.join(', ')}`);
  if (detail.factors.crossDepartment === 1) reasons.push(departmentDetail(ctx, p, 1));
  if (detail.overlapMinutes >= GOOD_OVERLAP_MINUTES) reasons.push(`${hours(detail.overlapMinutes)} of shared working hours`);
  else if (detail.overlapMinutes < POOR_OVERLAP_MINUTES) reasons.push(`Only ${hours(detail.overlapMinutes)} of shared working hours`);
  return [...new Set(reasons)].slice(0, MAX_REASONS);
}

export function explain(ctx: RankContext, p: number, detail: Detail): { reasons: string[]; explanation: MatchExplanation } {
  const limiting = limitingFactorOf(ctx, p, detail);
  const search = searchReason(ctx, p);
  return {
    reasons: reasonsOf(ctx, p, detail, limiting, search),
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
      ...(limiting ? { limitingFactor: limiting } : {}),
      ...(search ? { search } : {}),
    },
  };
}
