import { raw } from 'hono/html';
import { type Child, useContext } from 'hono/jsx';
import { areaHref, downloadsHref, sitePaths } from './area-paths.js';
import { FAVICON_HREF } from './assets/favicon.js';
import { siteCss } from './assets/site-css.js';
import { formatDateJa } from './format.js';
import { messages } from './messages.js';
import { readSiteInfo, SiteInfoContext } from './site-info.js';

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
  /** kept for callers: the list of areas is always in the nav now (every public page is linked) */
  areasLink?: boolean;
  /** the current revision's date (ISO): the header's 最終更新 */
  updatedAt?: string | null;
  /** the area's central city: the publisher when PUBLISHER is not configured */
  centralCity?: string | null;
  /**
   * The right end of the header nav, kept for the account link (sign-in / the signed-in user): another change adds
   * it here; nothing else goes in this slot.
   */
  accountSlot?: Child;
};

/** The header's publisher fallback and last update, from an area's current revision. */
export function siteProps(snapshot: {
  vision: { area: { municipalities: readonly { name: string; isCentralCity: boolean }[] } };
  revision: { createdAt: string };
}): { updatedAt: string; centralCity: string | null } {
  return {
    updatedAt: snapshot.revision.createdAt,
    centralCity: snapshot.vision.area.municipalities.find((m) => m.isCentralCity)?.name ?? null,
  };
}

/** The whole document around a page: head, skip link, header and nav, breadcrumbs, main, footer. No script. */
export function Layout(props: LayoutProps) {
  const { title, areaName, breadcrumbs } = props;
  const base = props.base ?? '';
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
          <link rel="icon" href={FAVICON_HREF} type="image/svg+xml" />
          <link rel="stylesheet" href={siteCss.href} />
        </head>
        <body>
          <a class="skip-link" href="#main">
            {messages.skipLink}
          </a>
          <SiteHeader
            areaName={areaName}
            breadcrumbs={breadcrumbs}
            base={base}
            updatedAt={props.updatedAt ?? null}
            centralCity={props.centralCity ?? null}
            accountSlot={props.accountSlot}
          />
          <Breadcrumbs crumbs={trail} />
          <main id="main" tabindex={-1} class="container">
            {props.printTitle && <p class="print-only print-title">{props.printTitle}</p>}
            {props.children}
          </main>
          <SiteFooter base={base} centralCity={props.centralCity ?? null} updatedAt={props.updatedAt ?? null} />
        </body>
      </html>
    </>
  );
}

type NavItem = { href: string; label: string };

type HeaderProps = {
  areaName: string;
  breadcrumbs: Crumb[];
  base: string;
  updatedAt: string | null;
  centralCity: string | null;
  accountSlot?: Child;
};

/**
 * The header, in one component: the site's name, who publishes it and when it was last updated, a search box,
 * and the nav. Below 48em the search and the nav fold into one 「メニュー」 button (<details>, no script); from
 * 48em they are always shown. The account slot sits at the right end of the nav.
 */
export function SiteHeader(props: HeaderProps) {
  const { base } = props;
  const items: NavItem[] = messages.nav.items.map((item) => ({
    label: item.label,
    href:
      item.scope === 'area' ? areaHref(base, item.href) : item.scope === 'downloads' ? downloadsHref(base) : item.href,
  }));
  const nav = (variant: 'menu' | 'wide') => (
    <nav aria-label={messages.nav.label} class={`site-nav site-nav--${variant}`}>
      <ul>
        {items.map((item) => (
          <li>
            <a href={item.href} aria-current={navCurrent(item, props.breadcrumbs, base)}>
              {item.label}
            </a>
          </li>
        ))}
      </ul>
      {/* account slot: the sign-in link goes here (right end of the nav) */}
      <div class="site-nav__account">{props.accountSlot ?? <a href="/signin">職員ログイン</a>}</div>
    </nav>
  );
  return (
    <header class="site-header">
      <div class="site-header__inner container">
        <div class="site-header__brand">
          <p class="site-name">
            <a href={areaHref(base, '/')}>
              <span>{messages.siteName}</span>
              <span class="site-name__area">{props.areaName}</span>
            </a>
          </p>
          <PublisherLine centralCity={props.centralCity} updatedAt={props.updatedAt} />
        </div>
        <SiteSearch
          base={base}
          idSuffix="wide"
          className="site-search site-search--wide"
          allAreas={props.areaName === ''}
        />
        <details class="site-menu">
          <summary>{messages.nav.menu}</summary>
          <div class="site-menu__body">
            <SiteSearch base={base} idSuffix="menu" className="site-search" allAreas={props.areaName === ''} />
            {nav('menu')}
          </div>
        </details>
      </div>
      <div class="site-header__nav container">{nav('wide')}</div>
    </header>
  );
}

/** 「発行: 青森市 企画部… ／ 問い合わせ: … ／ 最終更新: 2026年12月2日」 */
function PublisherLine(props: { centralCity: string | null; updatedAt: string | null }) {
  const site = readSiteInfo(useContext(SiteInfoContext));
  const publisher = site.publisher ?? props.centralCity;
  const t = messages.header;
  return (
    <ul class="site-meta">
      {publisher ? (
        <li>
          {t.publisher}: {publisher}
        </li>
      ) : null}
      {site.contact || site.contactUrl ? (
        <li>
          {t.contact}:{' '}
          {site.contactUrl ? <a href={site.contactUrl}>{site.contact ?? site.contactUrl}</a> : site.contact}
        </li>
      ) : null}
      {props.updatedAt ? (
        <li>
          {t.updated}: <time datetime={props.updatedAt}>{formatDateJa(props.updatedAt)}</time>
        </li>
      ) : null}
    </ul>
  );
}

/** A GET form to the area's project search (`/projects?q=`): what residents look for are projects. */
function SiteSearch(props: { base: string; idSuffix: string; className: string; allAreas: boolean }) {
  const id = `site-search-${props.idSuffix}`;
  // a page about every area (no area shown) searches every area
  const label = props.allAreas ? messages.header.searchAllLabel : messages.header.searchLabel;
  return (
    <search class={props.className}>
      <form method="get" action={props.allAreas ? sitePaths.search : areaHref(props.base, '/projects')}>
        <label for={id} class="visually-hidden">
          {label}
        </label>
        <input id={id} name="q" type="search" placeholder={label} />
        <button type="submit">{messages.header.searchButton}</button>
      </form>
    </search>
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

/** The footer: source, publisher and last update, then every public page and the area's open data. */
function SiteFooter(props: { base: string; centralCity: string | null; updatedAt: string | null }) {
  const { footer } = messages;
  return (
    <footer class="site-footer">
      <div class="container">
        <p>{footer.source}</p>
        <PublisherLine centralCity={props.centralCity} updatedAt={props.updatedAt} />
        <nav aria-label={footer.linksLabel}>
          <ul class="site-footer__links">
            <li>
              <a href={downloadsHref(props.base)}>{footer.data}</a>
            </li>
            {footer.links.map((link) => (
              <li>
                <a href={link.href}>{link.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <p>{messages.siteName}</p>
      </div>
    </footer>
  );
}
