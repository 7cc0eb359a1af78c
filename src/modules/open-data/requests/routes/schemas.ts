// The route schemas the pages and the API share: the request number in addresses and the list's query.
import { requestSorts, requestStatuses } from '../model.ts';

export const numberParams = {
  type: 'object',
  properties: { number: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' } },
} as const;

/** ?status=&sort=&page= of the public and the staff list (an empty status means all). */
export const listQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['', ...requestStatuses] },
    sort: { type: 'string', enum: [...requestSorts] },
    page: { type: 'string', pattern: '^[1-9][0-9]{0,4}$' },
  },
} as const;

export interface ListQuery {
  status?: string;
  sort?: string;
  page?: string;
}
