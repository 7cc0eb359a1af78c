// The form engine: JSON Schema (2020-12) forms rendered step by step on the server, parsed from posted
// fields with Japanese input rules, and validated by the same schema. Modules own the data; this owns
// the forms' behaviour.
import { registerMessages } from '../i18n/i18n.ts';
import { formMessages } from './messages.ts';

registerMessages('forms', formMessages);

export {
  type Body,
  type ParsedStep,
  parseAction,
  parseDate,
  parseDateField,
  parseStep,
  type StepAction,
} from './parse.ts';
export {
  displayValue,
  type RenderContext,
  renderStepFields,
  type SummaryRow,
  stepHasFiles,
  summaryRows,
  valueAt,
} from './render.ts';
export {
  fieldId,
  isShown,
  type JsonSchema,
  labelOf,
  parsePathKey,
  pathKey,
  pathsWithWidget,
  schemaAt,
  stepById,
  topProperties,
  uiOf,
  widgetOf,
} from './schema.ts';
export type { FormDefinition, FormStep, PrefillSource, UiHint } from './types.ts';
export { cleanText, compileForm, type FieldError, findBadText, validateAnswers } from './validate.ts';
