/** One page of a list: the total across pages and links to the neighbouring pages (null at either end). */
export type PageLinks = { self: string; next: string | null; prev: string | null };
export type Page<T> = { total: number; limit: number; offset: number; links: PageLinks; items: T[] };

export type PageWindow = { limit: number; offset: number };

type QueryValue = string | number | boolean | undefined;

/**
 * A relative URL with its query in a fixed order, absent values left out: every answer names the same page
 * the same way, whatever order or spelling (full-width digits, empty values) the request used.
 */
export function canonicalHref(path: string, query: Readonly<Record<string, QueryValue>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) search.set(name, String(value));
  }
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}

/**
 * Cuts the page out of the whole list. `href(offset)` gives the URL of the page that starts at `offset`
 * (with the same filters and limit).
 */
export function paginate<T>(items: readonly T[], window: PageWindow, href: (offset: number) => string): Page<T> {
  const { limit, offset } = window;
  const total = items.length;
  return {
    total,
    limit,
    offset,
    links: {
      self: href(offset),
      next: offset + limit < total ? href(offset + limit) : null,
      prev: offset > 0 ? href(Math.max(0, Math.min(offset, total) - limit)) : null,
    },
    items: items.slice(offset, offset + limit),
  };
}
