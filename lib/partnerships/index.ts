export * from './model';
export {
  CADENCE_LABELS,
  contextFor,
  rememberedPartner,
  FORMAT_LABELS,
  draftAgreement,
  graduateSkills,
  learnedSkills,
  localTimes,
  placeOf,
  renderAgreement,
} from './agreement';
export { agreementIcs, icsFileName } from './ics';
export { askCap, balanceOf, followUpDue, followUpOffered, meetingsOver, type AskCap, type Balance } from './rules';
export { partnershipsFromRecords } from './migrate';
export { messageOfKind, partnershipStory } from './celebrate';
export {
  commonWindow,
  instantOf,
  isoDateOf,
  meetingDates,
  meetingInstants,
  nextMeeting,
  wallTimeAt,
  clockOf,
} from './time';
export {
  addSession,
  loadPartnership,
  loadPartnerships,
  loadPartnershipSettings,
  loadSessions,
  savePartnership,
  savePartnershipSettings,
} from './store';
