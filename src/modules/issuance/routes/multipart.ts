// A small multipart/form-data reader for the one upload form of this module. The whole body is already
// in memory (bounded by the route's bodyLimit); fields become strings, files become UploadedFile, so the
// platform's CSRF check finds `_csrf` in the body as with any other form. (@fastify/multipart parses in a
// hook that runs after the CSRF check, which would then see no token.)

export interface UploadedFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

export type MultipartBody = Record<string, string | UploadedFile>;

export function boundaryOf(contentType: string): string | undefined {
  const match = /boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

function headerValue(headers: string, name: string): string | undefined {
  const line = headers.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name}:`));
  return line?.slice(name.length + 1).trim();
}

function parameter(header: string, name: string): string | undefined {
  const star = new RegExp(`;\\s*${name}\\*=UTF-8''([^;]*)`, 'i').exec(header);
  if (star) return decodeURIComponent(star[1]!);
  const match = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(header);
  return match ? match[1]!.replace(/\\(.)/g, '$1') : undefined;
}

/** Undefined when the body is not well-formed multipart for this boundary. */
export function parseMultipart(body: Buffer, boundary: string): MultipartBody | undefined {
  const delimiter = Buffer.from(`--${boundary}`);
  const out: MultipartBody = {};
  let at = body.indexOf(delimiter);
  if (at < 0) return undefined;
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString('latin1') === '--') return out;
    if (body.subarray(at, at + 2).toString('latin1') !== '\r\n') return undefined;
    const headerEnd = body.indexOf('\r\n\r\n', at + 2);
    if (headerEnd < 0) return undefined;
    const headers = body.subarray(at + 2, headerEnd).toString('utf8');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) return undefined;
    const content = body.subarray(headerEnd + 4, next);
    const disposition = headerValue(headers, 'content-disposition') ?? '';
    const name = parameter(disposition, 'name');
    if (name !== undefined && !Object.hasOwn(out, name) && name !== '__proto__') {
      const filename = parameter(disposition, 'filename');
      out[name] =
        filename === undefined
          ? content.toString('utf8')
          : {
              filename,
              contentType: (headerValue(headers, 'content-type') ?? 'application/octet-stream').toLowerCase(),
              data: Buffer.from(content),
            };
    }
    at = next + 2;
  }
}
