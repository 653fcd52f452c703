export { insertText,  type InsertResult } from './insert';
export { EDITOR_LABELS,   } from './editors';
export { INSERTER_KEY, chooseFrame,  type FrameProbe } from './probe';
export { FrameProbeSchema, InsertResultSchema } from './schemas';
export { insertMessage,   } from './subject';
