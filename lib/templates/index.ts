export {
  
  TEMPLATE_LIMITS,
  
  TemplateSchema,
  
  type LibraryTemplate,
  type Template,
  type TemplateKind,
  type TemplateOrigin,
} from './model';
export {
  VARIABLES,
  outreachValues,
  
  type OutreachContext,
  type TemplateValues,
  
} from './variables';
export {
  renderTemplate,
  renderText,
  templateProblems,
  unfilled,
  fillBlanks,
  type MissingValue,
  type RenderedMessage,
  
} from './render';
export { BUILT_IN_TEMPLATES, builtInTemplate,  } from './builtins';
export { kindFits, offeredTemplates, suggestTemplate } from './suggest';
export { loadTemplates, saveTemplate, deleteTemplate, duplicateTemplate, newTemplateId, parseManagedTemplates } from './store';
export { SAMPLE_CONTEXT } from './sample';
