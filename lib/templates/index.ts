export {
  TEMPLATE_KINDS,
  TEMPLATE_LIMITS,
  TemplateKindSchema,
  TemplateSchema,
  ManagedTemplateSchema,
  type LibraryTemplate,
  type Template,
  type TemplateKind,
  type TemplateOrigin,
} from './model';
export {
  VARIABLES,
  outreachValues,
  profileValues,
  type OutreachContext,
  type TemplateValues,
  type VariableName,
} from './variables';
export {
  renderTemplate,
  renderText,
  templateProblems,
  unfilled,
  fillBlanks,
  type MissingValue,
  type RenderedMessage,
  type RenderedText,
} from './render';
export { BUILT_IN_TEMPLATES, builtInTemplate, type BuiltInTemplateId } from './builtins';
export { kindFits, offeredTemplates, suggestTemplate } from './suggest';
export { loadTemplates, saveTemplate, deleteTemplate, duplicateTemplate, newTemplateId, parseManagedTemplates } from './store';
export { SAMPLE_CONTEXT } from './sample';
