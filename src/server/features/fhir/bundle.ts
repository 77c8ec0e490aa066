// SPDX-License-Identifier: EUPL-1.2
// Search results as a FHIR Bundle of type searchset: total, self/first/next/previous links, and one
// entry per match with its absolute fullUrl.
import { AppError } from '../../platform/errors.js';
import type { FhirResource } from './fhir-types.js';

export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 100;
/** Deep paging through personal data is not a use case; narrow the search instead. */
export const MAX_PAGE = 1_000;

/** Page-based like the REST lists (so the same use-cases serve both): _count per page, _page from 1. */
export interface SearchWindow {
  page: number;
  pageSize: number;
}

export interface SearchPage<T> {
  items: T[];
  total: number;
  /** Parameters the links to other pages must carry as well (e.g. the snapshot being paged over). */
  linkParameters?: Record<string, string>;
}

function single(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  throw invalidParameter(name, `Geef de zoekparameter '${name}' één keer.`);
}

export function invalidParameter(name: string, message: string): AppError {
  return new AppError('validation_failed', { message, errors: [{ path: name, message }] });
}

function boundedInteger(value: string | undefined, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,6}$/.test(value)) throw invalidParameter(name, `De zoekparameter '${name}' moet een geheel getal zijn.`);
  const number = Number(value);
  if (number < min || number > max) throw invalidParameter(name, `De zoekparameter '${name}' moet tussen ${min} en ${max} liggen.`);
  return number;
}

/** _count and _page from the query (defaults: 20 and 1). */
export function searchWindowOf(query: Record<string, unknown>): SearchWindow {
  return {
    pageSize: boundedInteger(single(query._count, '_count'), '_count', 1, MAX_COUNT, DEFAULT_COUNT),
    page: boundedInteger(single(query._page, '_page'), '_page', 1, MAX_PAGE, 1),
  };
}

export interface SearchsetInput<T> {
  baseUrl: string;
  resourceType: string;
  /** The search parameters as given (without _count/_page), for the links. */
  parameters: Record<string, string | string[]>;
  window: SearchWindow;
  page: SearchPage<T>;
  toResource: (item: T) => FhirResource;
}

function queryString(parameters: Record<string, string | string[]>, window: SearchWindow): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) for (const one of Array.isArray(value) ? value : [value]) search.append(name, one);
  search.set('_count', String(window.pageSize));
  search.set('_page', String(window.page));
  return search.toString();
}

export function searchset<T>(input: SearchsetInput<T>) {
  const { baseUrl, resourceType, parameters, window, page } = input;
  const url = (pageNumber: number) => `${baseUrl}/${resourceType}?${queryString(parameters, { pageSize: window.pageSize, page: pageNumber })}`;
  const lastPage = Math.max(1, Math.ceil(page.total / window.pageSize));
  const link = [
    { relation: 'self', url: url(window.page) },
    { relation: 'first', url: url(1) },
    { relation: 'last', url: url(lastPage) },
  ];
  if (window.page < lastPage) link.push({ relation: 'next', url: url(window.page + 1) });
  if (window.page > 1) link.push({ relation: 'previous', url: url(Math.min(window.page - 1, lastPage)) });
  const entry = page.items.map((item) => {
    const resource = input.toResource(item);
    return { fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' } };
  });
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: page.total,
    link,
    ...(entry.length > 0 ? { entry } : {}),
  };
}

/** Pages a list that is already complete in memory (small lists such as a family's resources). */
export function pageOf<T>(items: readonly T[], window: SearchWindow): SearchPage<T> {
  const start = (window.page - 1) * window.pageSize;
  return { items: items.slice(start, start + window.pageSize), total: items.length };
}
