import type { MatchWeights, Priority, SkillLevel } from '../profile';

/**
 * Default factor weights. The skill exchange is the reason two people meet, so the two directions
 * carry 6 of 10: equal, because a two-way partnership is only as good as its weaker side. Working
 * hours come next (1.5): a pair that can never meet live rarely lasts. Common ground (1) makes the
 * first conversation easy and cross-department contact (1) is what reverse mentoring programmes are
 * for (breaking silos), but neither should beat a better skill fit. Formats (0.5) are the cheapest
 * thing to change, so they count least. Cross-generation (1) weighs like cross-department, for the
 * same reason (see FULL_GENERATION_GAP). docs/matching.md explains the whole model.
 */
export const DEFAULT_WEIGHTS: Readonly<Required<MatchWeights>> = Object.freeze({
  theyTeachMe: 3,
  iTeachThem: 3,
  commonGround: 1,
  crossDepartment: 1,
  crossGeneration: 1,
  timeZone: 1.5,
  formats: 0.5,
});

/**
 * Cross-generation: pairs across career stages are what reverse and two-way programmes are for (a
 * new hire and an executive learn most from each other), so the factor grows with the gap: 0 at
 * the same stage, 0.5 one stage apart, 1 two or more apart. Weighted like cross-department: it
 * breaks a tie between equal skill fits, it does not beat a better one.
 */
export const FULL_GENERATION_GAP = 2;

/** Teaching credit by the teacher's own level: a beginner can still help, an expert helps most. */
export const LEVEL_CREDIT: Readonly<Record<SkillLevel, number>> = { beginner: 0.4, intermediate: 0.7, advanced: 0.9, expert: 1 };

/** How much a learning wish counts: a high priority counts three times a low one. */
export const PRIORITY_WEIGHT: Readonly<Record<Priority, number>> = { low: 1, medium: 2, high: 3 };

/** A skill in the same category (Sketch for Figma) earns this share of a same-skill match. */
export const RELATED_CREDIT = 0.35;

/**
 * Rarity raises a skill's weight by up to this much (+100 % for a skill nobody teaches, +0 % for one
 * everybody teaches): finding the one person who teaches a rare skill matters more than finding
 * one of hundreds who teach Excel.
 */
export const RARITY_BOOST = 1;

/**
 * In two-way mode the exchange is mostly the harmonic mean of both directions, so a one-sided pair
 * cannot rank high; this share of the arithmetic mean keeps one-sided pairs visible at the bottom
 * instead of hiding them entirely.
 */
export const ONE_SIDED_SHARE = 0.2;

/** Common ground per shared ERG and per shared interest (capped at 1). */
export const SHARED_ERG_CREDIT = 0.5;
export const SHARED_INTEREST_CREDIT = 0.25;

/** Everyone is assumed to work 8 hours (9:00-17:00) in their own time zone. */
export const WORKDAY_MINUTES = 8 * 60;

/** Factors that cannot be computed (unknown department or time zone) count half. */
export const UNKNOWN_FACTOR = 0.5;

/** Sharing only in-person meetings across locations is barely compatible. */
export const IN_PERSON_ELSEWHERE = 0.25;
