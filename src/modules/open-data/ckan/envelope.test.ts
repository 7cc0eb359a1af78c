// CKAN's envelope and error answers, status for status and text for text (ckan/views/api.py).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ckanError,
  ckanFailure,
  ckanSuccess,
  helpUrl,
  notADictMessage,
  pythonRepr,
  unknownActionMessage,
  usePostMessage,
} from './envelope.ts';
import { ckanAuthMessages, ckanMessages } from './messages.ts';
import { apiTokenFromHeaders } from './token.ts';

const help = helpUrl('https://city.example.jp/', 'package_show');

test('help is the absolute help_show address of the action', () => {
  assert.equal(help, 'https://city.example.jp/api/3/action/help_show?name=package_show');
});

test('success: help, success true, result', () => {
  const body = ckanSuccess(help, ['aed-locations']);
  assert.deepEqual(Object.keys(body), ['help', 'success', 'result']);
  assert.deepEqual(body, { help, success: true, result: ['aed-locations'] });
});

test('validation errors: 409, field messages with __type', () => {
  const { status, body } = ckanError('validation', { name: [ckanMessages.urlInUse] }, help);
  assert.equal(status, 409);
  assert.deepEqual(body, {
    help,
    error: { name: ['That URL is already in use.'], __type: 'Validation Error' },
    success: false,
  });
  // A bare string goes under `message`, as CKAN's ValidationError does.
  assert.deepEqual(
    (ckanError('validation', 'Too many sort criteria provided only 1 allowed', help).body as any).error,
    {
      message: 'Too many sort criteria provided only 1 allowed',
      __type: 'Validation Error',
    },
  );
});

test('not found: 404, "Not found" with CKAN detail after a colon', () => {
  const bare = ckanError('not_found', '', help);
  assert.equal(bare.status, 404);
  assert.deepEqual((bare.body as any).error, { __type: 'Not Found Error', message: 'Not found' });
  assert.equal(
    (ckanError('not_found', ckanMessages.packageNotFound, help).body as any).error.message,
    'Not found: Package was not found.',
  );
});

test('authorization: 403, "Access denied: …"', () => {
  const { status, body } = ckanError('authorization', ckanAuthMessages.cannotCreatePackages(''), help);
  assert.equal(status, 403);
  assert.deepEqual((body as any).error, {
    __type: 'Authorization Error',
    message: 'Access denied: User  not authorized to create packages',
  });
  assert.equal((ckanError('authorization', '', help).body as any).error.message, 'Access denied');
  assert.equal(
    ckanAuthMessages.requiresAuthenticatedUser('package_delete'),
    'Action package_delete requires an authenticated user',
  );
});

test('search query errors: 400 with the Python repr of the message', () => {
  const sort = ckanError('search_query', ckanMessages.invalidSort, help);
  assert.equal(sort.status, 400);
  assert.deepEqual((sort.body as any).error, {
    __type: 'Search Query Error',
    message: `Search Query is invalid: 'Invalid "sort" parameter'`,
  });
  const params = ckanError('search_query', ckanMessages.invalidSearchParameters(['foo']), help);
  assert.equal((params.body as any).error.message, `Search Query is invalid: "Invalid search parameters: ['foo']"`);
  const search = ckanError('search', 'undefined field foo', help);
  assert.equal(search.status, 409);
  assert.equal((search.body as any).error.__type, 'Search Error');
});

test('unknown action and other bad requests: 400 with a bare JSON string, no envelope', () => {
  const { status, body } = ckanError('bad_request', unknownActionMessage('package_destroy'), help);
  assert.equal(status, 400);
  assert.equal(body, 'Bad request - Action name not known: package_destroy');
  assert.equal(JSON.stringify(body), '"Bad request - Action name not known: package_destroy"');
  assert.equal(
    ckanError('bad_request', usePostMessage, help).body,
    'Bad request - JSON Error: Invalid request. Please use POST method for your request',
  );
  assert.equal(
    notADictMessage([1, 'a']),
    "JSON Error: Request data JSON decoded to [1, 'a'] but it needs to be a dictionary.",
  );
});

test('integrity errors echo the request data; internal errors never carry our message', () => {
  const integrity = ckanError('integrity', 'Only lists of dicts', help, { tags: ['a'] });
  assert.equal(integrity.status, 400);
  assert.deepEqual((integrity.body as any).error, {
    __type: 'Integrity Error',
    message: 'Only lists of dicts',
    data: { tags: ['a'] },
  });
  const internal = ckanError('internal', 'connection refused at 10.0.0.5', help);
  assert.equal(internal.status, 500);
  assert.deepEqual((internal.body as any).error, { __type: 'Internal Server Error', message: 'Internal Server Error' });
});

test('ckanFailure turns a parser failure into the answer', () => {
  const answer = ckanFailure({ kind: 'validation', message: { rows: ['Invalid integer'] } }, help);
  assert.equal(answer.status, 409);
  assert.deepEqual((answer.body as any).error, { rows: ['Invalid integer'], __type: 'Validation Error' });
});

test('pythonRepr quotes as Python does', () => {
  assert.equal(pythonRepr('abc'), "'abc'");
  assert.equal(pythonRepr("it's"), `"it's"`);
  assert.equal(pythonRepr(`it's "x"`), `'it\\'s "x"'`);
  assert.equal(pythonRepr('a\nb'), "'a\\nb'");
  assert.equal(pythonRepr('防災'), "'防災'");
});

test('API token: X-CKAN-API-Key, then Authorization (raw or Bearer); none is null', () => {
  assert.equal(apiTokenFromHeaders({ authorization: 'tok123' }), 'tok123');
  assert.equal(apiTokenFromHeaders({ Authorization: 'Bearer tok123' }), 'tok123');
  assert.equal(apiTokenFromHeaders({ 'X-CKAN-API-Key': 'legacy', authorization: 'other' }), 'legacy');
  assert.equal(apiTokenFromHeaders({ authorization: 'Basic dXNlcjpwYXNz' }), null);
  assert.equal(apiTokenFromHeaders({ authorization: '' }), null);
  assert.equal(apiTokenFromHeaders({}), null);
  assert.equal(apiTokenFromHeaders({ authorization: ['first', 'second'] }), 'first');
});
