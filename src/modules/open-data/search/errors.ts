// A search the catalogue cannot run as asked (unknown field, broken syntax, sort it does not offer). CKAN
// answers these with 409 "Search Query Error"; the API route does the same, the search page shows `ja`.

export type SearchParameter = 'q' | 'fq' | 'sort' | 'facet.field';

export class SearchQueryError extends Error {
  override name = 'SearchQueryError';
  readonly parameter: SearchParameter;
  readonly ja: string;
  readonly en: string;

  constructor(parameter: SearchParameter, ja: string, en: string) {
    super(`${ja} / ${en}`);
    this.parameter = parameter;
    this.ja = ja;
    this.en = en;
  }
}
