export * from './model';
export { ProfileFormatError, StoredProfileError } from './errors';
export { migrateProfile, salvageProfile } from './migrate';
export {
  applyDraft,
  draftFromProfile,
  learnRow,
  teachRow,
  
  
  
  type FieldErrors,
  type LearnRow,
  type ProfileDraft,
  type TeachRow,
} from './draft';
export { loadProfile, saveProfile } from './store';
export { loadProfileEditorState, saveProfileEdit, type ProfileEditorState } from './draft-store';
export {
  exportProfileJson,
  parseProfileJson,
  profileFileName,
  
  
  
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
  
  
} from './linkedin';
export {  canonicalSkillName, skillKey, type CanonicalSkillName } from './skill-names';
