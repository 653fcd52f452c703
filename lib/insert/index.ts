export { insertText, describeElement, type InsertFailure, type InsertResult } from './insert';
export { findField, type FieldSearch } from './focus';
export { EDITOR_KINDS, EDITOR_LABELS, INSERT_METHODS, detectEditor, type EditorKind, type InsertMethod } from './editors';
export { INSERTER_KEY, chooseFrame, probeFrame, type FrameProbe } from './probe';
export { FrameProbeSchema, InsertResultSchema } from './schemas';
