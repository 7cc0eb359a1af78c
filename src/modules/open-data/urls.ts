// Where the catalogue's pages and files are: one place for the addresses that pages, CKAN dicts and DCAT
// all print, so they cannot drift apart from the routes.

export const datasetPath = (name: string) => `/open-data/datasets/${encodeURIComponent(name)}`;

export const resourcePath = (datasetName: string, resourceId: string) =>
  `${datasetPath(datasetName)}/resources/${encodeURIComponent(resourceId)}`;

/** The download of an uploaded resource (streamed, counted). */
export const downloadPath = (datasetName: string, resourceId: string) =>
  `${resourcePath(datasetName, resourceId)}/download`;

/** An absolute address from the site's origin as clients see it. */
export const absolute = (baseUrl: string, path: string) => `${baseUrl.replace(/\/+$/, '')}${path}`;
