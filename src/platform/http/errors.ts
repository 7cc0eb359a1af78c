// AppError is how domain code reports a failure; the HTTP layer formats it (problem+json or a page).
import { type ErrorCode, errorCodes, problemTypeBase } from './error-codes.ts';

export interface FieldError {
  /** JSON pointer-ish field name as the form or body names it, e.g. "email" or "address/postalCode". */
  field: string;
  message: string;
}

export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    detail?: string,
    options: { errors?: FieldError[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(detail ?? errorCodes[code].title, { cause: options.cause });
    this.code = code;
    this.detail = detail;
    this.errors = options.errors ?? [];
    this.headers = options.headers ?? {};
  }

  get status(): number {
    return errorCodes[this.code].status;
  }
}

/** A form's problems as one 400: the first message as the detail, every problem on its field. */
export function failValidation(errors: FieldError[]): never {
  throw new AppError('validation_failed', errors[0]!.message, { errors });
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: ErrorCode;
  requestId: string;
  errors?: FieldError[];
}

export function toProblem(error: AppError, requestId: string, instance?: string): Problem {
  const problem: Problem = {
    type: `${problemTypeBase}${error.code}`,
    title: errorCodes[error.code].title,
    status: error.status,
    code: error.code,
    requestId,
  };
  if (error.detail) problem.detail = error.detail;
  if (instance) problem.instance = instance;
  if (error.errors.length > 0) problem.errors = error.errors;
  return problem;
}

/** JSON Schema of a problem+json body, registered with $id 'Problem' for route response schemas. */
export const problemSchema = {
  $id: 'Problem',
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status', 'code', 'requestId'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string', enum: Object.keys(errorCodes) },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;

/** A route's error response in OpenAPI terms: problem+json with the shared Problem schema. */
export function problemResponse(description: string) {
  return { description, content: { 'application/problem+json': { schema: { $ref: 'Problem#' } } } };
}
