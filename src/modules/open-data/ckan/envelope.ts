// CKAN Action API v3 envelopes: what a CKAN 2.10 / 2.11 site answers, key for key and status for status,
// so clients such as ckanapi or ckanr read our answers unchanged. Facts and their CKAN sources:
// docs/ckan-compatibility.md. Bodies are plain objects (or, for "Bad request", a plain string) that the
// route sends as JSON with `Content-Type: application/json;charset=utf-8`.

/** The kinds of failure CKAN's API view tells apart (ckan/views/api.py `action`). */
export type CkanErrorKind =
  | 'validation'
  | 'not_found'
  | 'authorization'
  | 'search_query'
  | 'search'
  | 'integrity'
  | 'bad_request'
  | 'internal';

/** A failure found by a pure function here, for the route to turn into `ckanError(...)`. */
export interface CkanFailure {
  kind: CkanErrorKind;
  message: string | Record<string, unknown>;
  /** For an Integrity Error: the request data CKAN echoes back. */
  data?: unknown;
}

export type CkanResult<T> = { ok: true; value: T } | { ok: false; error: CkanFailure };

export const ok = <T>(value: T): CkanResult<T> => ({ ok: true, value });
export const fail = (
  kind: CkanErrorKind,
  message: string | Record<string, unknown>,
  data?: unknown,
): CkanResult<never> => ({ ok: false, error: data === undefined ? { kind, message } : { kind, message, data } });

/** The HTTP answer for a failure found by one of the parsers here. */
export const ckanFailure = (failure: CkanFailure, helpUrl: string) =>
  ckanError(failure.kind, failure.message, helpUrl, failure.data);

export const ckanContentType = 'application/json;charset=utf-8';

/** CKAN's `help` link: the help_show action for the action called (absolute, as url_for(_external=True)). */
export function helpUrl(baseUrl: string, action: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/3/action/help_show?name=${encodeURIComponent(action)}`;
}

export function ckanSuccess(helpUrl: string, result: unknown): { help: string; success: true; result: unknown } {
  return { help: helpUrl, success: true, result };
}

/**
 * CKAN's error answer. `message` is the detail: for validation a `{ field: [messages] }` dict (or one
 * string, which CKAN puts under `message`); for not found / authorization the text after "Not found: " /
 * "Access denied: " ('' for CKAN's bare "Not found" / "Access denied"); for bad_request the text after
 * "Bad request - " (e.g. `Action name not known: foo`). Internal errors never carry our message.
 * `data` is the request data CKAN echoes in an Integrity Error.
 */
export function ckanError(
  kind: CkanErrorKind,
  message: string | Record<string, unknown>,
  helpUrl: string,
  data?: unknown,
): { status: number; body: object | string } {
  const text = typeof message === 'string' ? message : JSON.stringify(message);
  const envelope = (status: number, error: Record<string, unknown>) => ({
    status,
    body: { help: helpUrl, error, success: false },
  });
  switch (kind) {
    case 'validation':
      // CKAN adds __type after the field errors; a plain string becomes { message }.
      return envelope(409, {
        ...(typeof message === 'string' ? { message } : message),
        __type: 'Validation Error',
      });
    case 'not_found':
      return envelope(404, { __type: 'Not Found Error', message: text ? `Not found: ${text}` : 'Not found' });
    case 'authorization':
      return envelope(403, {
        __type: 'Authorization Error',
        message: text ? `Access denied: ${text}` : 'Access denied',
      });
    case 'search_query':
      // CKAN formats the exception's args with %r: the Python repr of the message string.
      return envelope(400, { __type: 'Search Query Error', message: `Search Query is invalid: ${pythonRepr(text)}` });
    case 'search':
      return envelope(409, { __type: 'Search Error', message: `Search error: ${pythonRepr(text)}` });
    case 'integrity':
      return envelope(400, { __type: 'Integrity Error', message: text, data: data ?? {} });
    case 'bad_request':
      // No envelope at all: CKAN answers a bare JSON string.
      return { status: 400, body: text ? `Bad request - ${text}` : 'Bad request' };
    case 'internal':
      return envelope(500, { __type: 'Internal Server Error', message: 'Internal Server Error' });
  }
}

/** CKAN's text for an action it does not have (400, bare string body). */
export const unknownActionMessage = (action: string) => `Action name not known: ${action}`;

/** CKAN's text when a GET reaches an action that changes data (400, bare string body). */
export const usePostMessage = 'JSON Error: Invalid request. Please use POST method for your request';

/** CKAN's text when the POST body is not a JSON object (400, bare string body). */
export const notADictMessage = (decoded: unknown) =>
  `JSON Error: Request data JSON decoded to ${pythonReprValue(decoded)} but it needs to be a dictionary.`;

/** Python's repr() of a string: single quotes unless the text holds a single quote and no double quote. */
export function pythonRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/** Python's repr() of a JSON value (lists, dicts, strings, numbers, booleans, None). */
export function pythonReprValue(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string') return pythonRepr(v);
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `[${v.map(pythonReprValue).join(', ')}]`;
  if (typeof v === 'object') {
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${pythonRepr(k)}: ${pythonReprValue(x)}`)
      .join(', ')}}`;
  }
  return String(v);
}
