// Forms as data: a JSON Schema (2020-12) for the answers, UI hints beside each property (`x-ui`), and
// steps that group top-level properties into pages. The same schema validates on the server.

/**
 * UI hints for one property of the form schema (`x-ui` beside it in the schema). Widgets:
 * - text (default for strings), textarea, number, select/radios (from `enum` + `x-ui.options` labels),
 *   checkbox (boolean), checkboxes (array of enum strings)
 * - person-name: an object {familyName, givenName, familyNameKana, givenNameKana} (氏名とフリガナ)
 * - date: a string (ISO yyyy-mm-dd once validated); the person may type 和暦 (令和7年5月1日, R7.5.1) or 西暦
 * - address: an object {postalCode, address}; the page looks the postal code up (no JS: a button)
 * - phone: a string of digits and hyphens (e.g. 044-200-1234, 09012345678)
 * - my-number: a 12-digit 個人番号 with its check digit; stored encrypted, shown masked
 * - repeat: an array of objects (e.g. 世帯員); `x-ui.itemLabel` names one item, `maxItems` bounds it
 * - file: an attachment (`x-ui.attachment` = AttachmentSpec.key); the value is the uploaded file's id
 */
export interface UiHint {
  widget?:
    | 'text'
    | 'textarea'
    | 'number'
    | 'select'
    | 'radios'
    | 'checkbox'
    | 'checkboxes'
    | 'person-name'
    | 'date'
    | 'address'
    | 'phone'
    | 'email'
    | 'my-number'
    | 'repeat'
    | 'file';
  hint?: string;
  /** Labels for `enum` values, in the same order. */
  options?: string[];
  /** Where the value comes from when the city already holds it (once-only): shown to the person. */
  prefill?: PrefillSource;
  /** Show (and require) this field only when another top-level field has one of these values. */
  showIf?: { field: string; in: (string | boolean)[] };
  attachment?: string;
  itemLabel?: string;
  autocomplete?: string;
  /** A field staff fill in or the system sets; not shown to the applicant. */
  internal?: boolean;
}

/** Data the city already holds about the signed-in resident, named by where it comes from. */
export type PrefillSource =
  | 'resident.name' // 住民記録: 氏名・フリガナ
  | 'resident.birthDate'
  | 'resident.address' // 住民記録: 住所
  | 'resident.householdMembers' // 住民記録: 世帯員
  | 'account.email'
  | 'business.name'
  | 'business.corporateNumber';

export interface FormStep {
  id: string;
  title: string;
  /** Top-level property names shown on this step, in order. */
  fields: string[];
  /** Optional lead paragraph for the step. */
  lead?: string;
}

export interface FormDefinition {
  /** JSON Schema 2020-12 for the answers (type object). Properties may carry `x-ui` (UiHint). */
  schema: Record<string, unknown>;
  steps: FormStep[];
}
