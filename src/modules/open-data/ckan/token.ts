// Where CKAN clients put their API token. CKAN 2.11 reads the raw token from the `Authorization` header
// (config `apitoken_header_name`); CKAN 2.10 read `X-CKAN-API-Key` first and then `Authorization`. We take
// both, in 2.10's order, and also accept `Bearer <token>` (CKAN itself would not, but some HTTP libraries
// add the word). A token we cannot match is not an error in CKAN: the call runs as anonymous.

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return (Array.isArray(value) ? (value[0] ?? '') : value).trim();
  }
  return '';
}

/** The API token a CKAN client sent, or null when it sent none. */
export function apiTokenFromHeaders(headers: Headers): string | null {
  const legacy = header(headers, 'x-ckan-api-key');
  if (legacy) return legacy;
  const authorization = header(headers, 'authorization');
  if (!authorization) return null;
  const bearer = /^bearer\s+(\S+)$/i.exec(authorization);
  if (bearer) return bearer[1]!;
  // Basic / Digest credentials are not tokens (CKAN 2.10 dropped values with spaces the same way).
  if (/\s/.test(authorization)) return null;
  return authorization;
}
