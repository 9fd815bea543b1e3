import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { areaHref, downloadsHref } from './area-paths.js';
import { siteCss } from './assets/site-css.js';
import { messages } from './messages.js';

/** One step of the breadcrumb trail; the last one is the current page and has no link. */
export type Crumb = { label: string; href?: string };

type LayoutProps = {
  title: string;
  areaName: string;
  breadcrumbs: Crumb[];
  children: Child;
  description?: string;
  /** a heading printed on paper only, above the content (e.g. the document's sheet title) */
  printTitle?: string;
  /** where the area's pages live: '' (default) for the site root, `/areas/{slug}` under /areas (area-paths.ts) */
  base?: string;
  /** link to the list of areas from the nav (several areas, or any page under /areas); a base implies it */
  areasLink?: boolean;
};

/** The whole document around a page: head, skip link, header and nav, breadcrumbs, main, footer. No script. */
export function Layout(props: LayoutProps) {
  const { title, areaName, breadcrumbs } = props;
  const base = props.base ?? '';
  const areasLink = (props.areasLink ?? false) || base !== '';
  // under /areas the trail starts at the list of areas
  const trail = base === '' ? breadcrumbs : [{ label: messages.breadcrumbs.areas, href: '/areas' }, ...breadcrumbs];
  const fullTitle = `${title}${messages.titleSeparator}${areaName === '' ? '' : `${areaName} `}${messages.titleSuffix}`;
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="ja">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{fullTitle}</title>
          <meta name="description" content={props.description ?? messages.defaultDescription(areaName)} />
          <link rel="stylesheet" href={siteCss.href} />
        </head>
        <body>
          <a class="skip-link" href="#main">
            {messages.skipLink}
          </a>
          <SiteHeader areaName={areaName} breadcrumbs={breadcrumbs} base={base} areasLink={areasLink} />
          <Breadcrumbs crumbs={trail} />
          <main id="main" tabindex={-1} class="container">
            {props.printTitle && <p class="print-only print-title">{props.printTitle}</p>}
            {props.children}
          </main>
          <SiteFooter base={base} />
        </body>
      </html>
    </>
  );
}

type NavItem = { href: string; label: string };

function SiteHeader(props: { areaName: string; breadcrumbs: Crumb[]; base: string; areasLink: boolean }) {
  const { base } = props;
  const items: NavItem[] = [
    ...(props.areasLink ? [messages.nav.areas] : []),
    ...messages.nav.items.map((item) => ({
      label: item.label,
      href:
        item.scope === 'area'
          ? areaHref(base, item.href)
          : item.scope === 'downloads'
            ? downloadsHref(base)
            : item.href,
    })),
  ];
  return (
    <header class="site-header">
      <div class="site-header__inner container">
        <p class="site-name">
          <a href={areaHref(base, '/')}>
            <span>{messages.siteName}</span>
            <span class="site-name__area">{props.areaName}</span>
          </a>
        </p>
        <nav aria-label={messages.nav.label} class="site-nav">
          <ul>
            {items.map((item) => (
              <li>
                <a href={item.href} aria-current={navCurrent(item, props.breadcrumbs, base)}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}

/**
 * Which nav item the page belongs to, read from the breadcrumbs: `page` when the current crumb is the item
 * itself (same label, or the only crumb for the home page), `true` when an ancestor crumb links to it
 * (a project page under 事業一覧). Home is never an ancestor: every page of the area is under it.
 */
function navCurrent(item: NavItem, crumbs: Crumb[], base: string): 'page' | 'true' | undefined {
  const current = crumbs[crumbs.length - 1];
  if (current && current.href === undefined && current.label === item.label) return 'page';
  if (item.href === areaHref(base, '/')) {
    return crumbs.length <= 1 && current?.label === messages.breadcrumbs.home ? 'page' : undefined;
  }
  const ancestors = crumbs.slice(0, -1);
  return ancestors.some((crumb) => crumb.href === item.href) ? 'true' : undefined;
}

function Breadcrumbs(props: { crumbs: Crumb[] }) {
  if (props.crumbs.length === 0) return null;
  const lastIndex = props.crumbs.length - 1;
  return (
    <nav aria-label={messages.breadcrumbs.label} class="breadcrumbs container">
      <ol>
        {props.crumbs.map((crumb, index) =>
          index === lastIndex || crumb.href === undefined ? (
            <li>
              <span aria-current={index === lastIndex ? 'page' : undefined}>{crumb.label}</span>
            </li>
          ) : (
            <li>
              <a href={crumb.href}>{crumb.label}</a>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

/** The footer's data link goes to the area's own API resource under /areas (`/api/v1/areas/{slug}`). */
function SiteFooter(props: { base: string }) {
  const { footer } = messages;
  const dataHref = props.base === '' ? footer.dataHref : `/api/v1${props.base}`;
  return (
    <footer class="site-footer">
      <div class="container">
        <p>{footer.source}</p>
        <ul class="site-footer__links">
          <li>
            <a href={dataHref}>{footer.data}</a>
          </li>
          <li>
            <a href={footer.accessibilityHref}>{footer.accessibility}</a>
          </li>
        </ul>
        <p>{messages.siteName}</p>
      </div>
    </footer>
  );
}
