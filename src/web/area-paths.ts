/**
 * Links inside one area's pages. Every area page takes a `base`: '' for the installation's default area at the
 * site root (`/`, `/projects`, …), `/areas/{slug}` for an area under /areas (`/areas/{slug}/`, …), so a page's
 * links stay in the area it shows.
 */

/** The base path of an area's pages; the slug is percent-encoded (slugs may hold Japanese letters). */
export function areaBase(slug: string): string {
  return `/areas/${encodeURIComponent(slug)}`;
}

/**
 * A path inside the area: `/` is the area's home (`/` at the root, `{base}/` under /areas).
 * @example areaHref('/areas/hachinohe', '/projects/3') // '/areas/hachinohe/projects/3'
 * @example areaHref('', '/') // '/'
 */
export function areaHref(base: string, path: string): string {
  if (path === '/') return base === '' ? '/' : `${base}/`;
  return `${base}${path}`;
}

/** The open data of the area shown: `/downloads` for the default area, `/downloads/{slug}` under /areas. */
export function downloadsHref(base: string): string {
  return base === '' ? '/downloads' : `/downloads${base.slice('/areas'.length)}`;
}

/** The list of areas and the pages about all of them. */
export const sitePaths = {
  areas: '/areas',
  compare: '/areas/compare',
  search: '/areas/search',
  adminImport: '/admin/import',
} as const;
