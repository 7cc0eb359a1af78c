// Turns answers into the fields a browser would post for one step of a form (names like
// `children.0.birthDate`), so tests fill forms the way people do.
export function formFields(answers: Record<string, unknown>, fields: string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const walk = (value: unknown, name: string) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      if (value.every((v) => typeof v !== 'object' || v === null)) out[name] = value.map(String);
      else for (const [i, item] of value.entries()) walk(item, `${name}.${i}`);
      return;
    }
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, `${name}.${k}`);
      return;
    }
    out[name] = String(value);
  };
  for (const field of fields) walk(answers[field], field);
  return out;
}
