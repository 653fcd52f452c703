export * from './model';
export {
  CADENCE_LABELS,
  DEFAULT_GROUND_RULES,
  contextFor,
  rememberedPartner,
  FORMAT_LABELS,
  draftAgreement,
  graduateSkills,
  learnedSkills,
  localTimes,
  placeOf,
  renderAgreement,
  rhythmOf,
  type LocalTimes,
  type RenderedAgreement,
} from './agreement';
export { agreementIcs, icsFileName, vtimezone, type IcsNames } from './ics';
export { askCap, balanceOf, followUpDue, followUpOffered, type AskCap, type Balance } from './rules';
export { partnershipsFromRecords, partnerStatusOf } from './migrate';
export { markdownText, messageOfKind, partnershipStory } from './celebrate';
export {
  addDays,
  commonWindow,
  instantOf,
  isoDateOf,
  meetingDates,
  meetingInstants,
  nextMeeting,
  wallTimeAt,
  clockOf,
  type IsoDate,
  type MeetingSeries,
  type TimeWindow,
  type WallTime,
} from './time';
export {
  addSession,
  loadPartnership,
  loadPartnerships,
  loadPartnershipSettings,
  loadSessions,
  savePartnership,
  savePartnershipSettings,
  type LoadedPartnerships,
  type NamesOf,
} from './store';
