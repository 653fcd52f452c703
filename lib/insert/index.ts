export { insertText, type InsertFailure, type InsertResult } from './insert';
export { EDITOR_LABELS, type EditorKind, type InsertMethod } from './editors';
export { INSERTER_KEY, chooseFrame, probeFrame, type FrameProbe } from './probe';
export { FrameProbeSchema, InsertResultSchema } from './schemas';
export { insertMessage, fillSubject, subjectFieldNear } from './subject';
