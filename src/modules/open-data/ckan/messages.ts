// CKAN's own English texts (CKAN 2.11, default locale en), word for word, so clients that show or match
// them see what a CKAN site says. Where CKAN has no text for a check of ours, the message is Japanese and
// lives beside the check. Sources: docs/ckan-compatibility.md.

export const ckanMessages = {
  // ckan/lib/navl/validators.py
  missingValue: 'Missing value',
  notExpected: (name: string) => `The input field ${name} was not expected.`,
  // ckan/logic/validators.py
  invalidInteger: 'Invalid integer',
  naturalNumber: 'Must be a natural number',
  positiveInteger: 'Must be a positive integer',
  dateFormat: 'Date format incorrect',
  invalidId: 'Invalid id provided',
  namesMustBeStrings: 'Names must be strings',
  nameCannotBeUsed: 'That name cannot be used',
  nameTooShort: 'Must be at least 2 characters long',
  nameTooLong: 'Name must be a maximum of 100 characters long',
  nameCharacters: 'Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_',
  urlInUse: 'That URL is already in use.',
  tagTooShort: (tag: string) => `Tag "${tag}" length is less than minimum 2`,
  tagTooLong: (tag: string) => `Tag "${tag}" length is more than maximum 100`,
  tagCharacters: (tag: string) =>
    `Tag "${tag}" can only contain alphanumeric characters, spaces (" "), hyphens ("-"), underscores ("_") or dots (".")`,
  organizationRequired: 'An organization must be provided',
  organizationMissing: 'Organization does not exist',
  organizationNotAllowed: 'You cannot add a dataset to this organization',
  email: (email: string) => `Email ${email} is not a valid format`,
  duplicateExtra: (key: string) => `Duplicate key "${key}"`,
  extraIsSchemaField: 'There is a schema field with the same name',
  notAList: 'Not a list',
  notAString: (value: unknown) => `Not a string: ${String(value)}`,
  couldNotParseJson: 'Could not parse as valid JSON',
  oneOf: (values: string[]) => `Value must be one of [${values.map((v) => `'${v}'`).join(', ')}]`,
  // ckan/logic/action/get.py _unpick_search (group / organization list sort)
  cannotSortBy: (field: string) => `Cannot sort by field \`${field}\``,
  invalidSortDirection: (direction: string) => `Invalid sort direction \`${direction}\``,
  tooManySorts: (allowed: number) => `Too many sort criteria provided only ${allowed} allowed`,
  // ckan/lib/search/query.py
  invalidSearchParameters: (names: string[]) => `Invalid search parameters: [${names.map((n) => `'${n}'`).join(', ')}]`,
  invalidSort: 'Invalid "sort" parameter',
  // ckanext/datastore (logic/schema.py, backend/postgres.py)
  cannotParseJson: 'Cannot parse JSON',
  datastoreInvalidValue: (value: unknown) => `invalid value "${String(value)}"`,
  datastoreNotFound: (id: string) => `Resource "${id}" was not found.`,
  neitherStringNorList: (value: unknown) => `Neither a string nor a list: ${String(value)}`,
  // "Not found: …" details (ckan/logic/action/*.py)
  packageNotFound: 'Package was not found.',
  groupNotFound: 'Group was not found.',
  resourceNotFound: 'Resource was not found.',
} as const;

/**
 * "Access denied: …" details (ckan/logic/auth/*.py, ckan/authz.py). An anonymous caller's user name is ''
 * (so CKAN writes "User  not authorized …" with two spaces). An API token CKAN cannot read is no error
 * by itself: the request simply runs as anonymous.
 */
export const ckanAuthMessages = {
  requiresAuthenticatedUser: (action: string) => `Action ${action} requires an authenticated user`,
  cannotCreatePackages: (user: string) => `User ${user} not authorized to create packages`,
  cannotAddToOrganization: (user: string) => `User ${user} not authorized to add dataset to this organization`,
  cannotEditGroups: (user: string) => `User ${user} not authorized to edit these groups`,
  cannotEditPackage: (user: string, packageId: string) => `User ${user} not authorized to edit package ${packageId}`,
  cannotReadPackage: (user: string, packageId: string) => `User ${user} not authorized to read package ${packageId}`,
  cannotReadResource: (user: string, resourceId: string) =>
    `User ${user} not authorized to read resource ${resourceId}`,
  cannotCreateResources: (user: string, packageId: string) =>
    `User ${user} not authorized to create resources on dataset ${packageId}`,
} as const;

/**
 * Which write actions CKAN lets an anonymous caller reach its own check (package_create, package_update);
 * the others answer "Action … requires an authenticated user" before looking at anything else.
 */
export const anonymousReachesCheck = new Set(['package_create', 'package_update']);
