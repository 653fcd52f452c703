export * from './model';
export { ProfileFormatError, StoredProfileError } from './errors';
export { migrateProfile, salvageProfile } from './migrate';
export {
  applyDraft,
  draftFromProfile,
  learnRow,
  teachRow,
  ProfileDraftSchema,
  type AppliedDraft,
  type ApplyOptions,
  type FieldErrors,
  type LearnRow,
  type ProfileDraft,
  type TeachRow,
} from './draft';
export { loadProfile, loadProfileEditorState, saveProfile, saveProfileEdit, type ProfileEditorState } from './store';
export {
  exportProfileJson,
  parseProfileJson,
  profileFileName,
  PROFILE_FILE_FORMAT,
  PROFILE_FILE_VERSION,
  type ProfileFile,
} from './transfer';
export {
  LinkedInImportError,
  mergeLinkedIn,
  mergeLinkedInIntoDraft,
  parseLinkedInExport,
  titleFromHeadline,
  type FilledField,
  type LinkedInData,
  type LinkedInMerge,
  type NamedText,
  type SkippedReason,
} from './linkedin';
export { asTyped, canonicalSkillName, skillKey, type CanonicalSkillName } from './skill-names';
