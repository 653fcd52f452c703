export { MatchResultSchema, RankedPartnerSchema, RESOLUTION_KINDS } from './schema';
