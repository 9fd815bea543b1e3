import type { Child } from 'hono/jsx';
import { CsrfField } from './components/form-fields.js';
import { type Crumb, Layout } from './layout.js';
import { messages } from './messages.js';

const text = messages.staff.frame;

/** Who is signed in, as the staff pages show it, and the links their roles open. */
export type StaffViewer = {
  email: string;
  /** Japanese names of the roles, e.g. 「市町村の担当職員（青森圏域・平内町）」 */
  roles: string[];
  links: { href: string; label: string }[];
  csrf: string;
  /** the path of the page shown (the request's): the menu marks the entry it belongs to */
  path: string;
};

type MenuLink = StaffViewer['links'][number];

/**
 * The staff menu's entry for the page at `path`, marked as the site nav marks its own: 'page' on the page itself,
 * 'true' on the entry the page lies under (the longest link that is a folder of the path); none elsewhere.
 */
export function findStaffMenuCurrent(
  links: MenuLink[],
  path: string,
): { link: MenuLink; mark: 'page' | 'true' } | undefined {
  const pathOf = (link: MenuLink) => link.href.split(/[?#]/)[0] ?? link.href;
  const exact = links.find((link) => pathOf(link) === path);
  if (exact) return { link: exact, mark: 'page' };
  const under = links
    .filter((link) => pathOf(link) !== '/' && path.startsWith(`${pathOf(link)}/`))
    .sort((a, b) => pathOf(b).length - pathOf(a).length)[0];
  return under && { link: under, mark: 'true' };
}

/** The frame of every page behind sign-in: the site layout, the account bar (who, sign-out) and the staff menu. */
export function StaffLayout(props: { title: string; viewer: StaffViewer; crumbs?: Crumb[]; children: Child }) {
  const { viewer } = props;
  const current = findStaffMenuCurrent(viewer.links, viewer.path);
  return (
    <Layout
      title={props.title}
      areaName=""
      breadcrumbs={[{ label: text.menu, href: '/staff' }, ...(props.crumbs ?? []), { label: props.title }]}
      description={text.description}
      accountSlot={<a href="/account">{viewer.email}</a>}
    >
      <div class="account-bar">
        <p>
          {text.signedInAs}
          <strong>{viewer.email}</strong>
          {viewer.roles.length > 0 ? `（${viewer.roles.join('、')}）` : ''}
        </p>
        <form method="post" action="/signout">
          <CsrfField token={viewer.csrf} />
          <button type="submit" class="button-secondary">
            {text.signOut}
          </button>
        </form>
      </div>
      <nav aria-label={text.menu} class="staff-nav">
        <ul class="staff-nav__list">
          {viewer.links.map((link) => (
            <li>
              <a
                href={link.href}
                class="staff-nav__link"
                aria-current={current?.link === link ? current.mark : undefined}
              >
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
}
