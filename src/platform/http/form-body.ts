// Reading a posted form (urlencoded or multipart) as routes do: one text field, a repeated field as a list
// (checkboxes), and every text value to put back into a re-rendered form (the CSRF token left out).
export type FormBody = Record<string, unknown>;

/** A text field, or undefined when it is missing or not text (a file). */
export const formText = (body: FormBody, name: string): string | undefined =>
  typeof body[name] === 'string' ? body[name] : undefined;

/** Every text value of a repeated field (none, one or several checkboxes). */
export const formList = (body: FormBody, name: string): string[] =>
  ([] as unknown[]).concat(body[name] ?? []).filter((v): v is string => typeof v === 'string');

/** The form's text values as sent, to show again after a refusal. */
export const formValues = (body: FormBody): Record<string, string | string[]> =>
  Object.fromEntries(
    Object.entries(body).filter(([name, v]) => name !== '_csrf' && (typeof v === 'string' || Array.isArray(v))),
  ) as Record<string, string | string[]>;
