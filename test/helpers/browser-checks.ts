import axe from 'axe-core';
import type { Page } from 'playwright-core';

// The functions below run in the page (page.evaluate). The project compiles without lib "dom", so the few
// DOM members they use are declared here, for this module only.
type Rect = { left: number; right: number; top: number; bottom: number; width: number; height: number };
type Style = {
  outlineStyle: string;
  outlineWidth: string;
  outlineColor: string;
  boxShadow: string;
  overflowX: string;
  position: string;
  visibility: string;
  display: string;
};
type DomElement = {
  tagName: string;
  id: string;
  className: unknown;
  textContent: string | null;
  parentElement: DomElement | null;
  children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  closest(selector: string): DomElement | null;
  matches(selector: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getBoundingClientRect(): Rect;
  getClientRects(): ArrayLike<Rect>;
  compareDocumentPosition(other: DomElement): number;
};
declare const document: {
  activeElement: DomElement | null;
  body: DomElement;
  documentElement: DomElement & { scrollWidth: number };
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementById(id: string): DomElement | null;
};
declare const window: { innerWidth: number; innerHeight: number };
declare function getComputedStyle(element: DomElement): Style;

// ── axe-core ──

export const AXE_VERSION: string = axe.version;
const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export type AxeViolation = { id: string; impact: string | null; help: string; helpUrl: string; targets: string[] };
export type AxeOutcome = { violations: AxeViolation[]; passes: number; incomplete: string[] };

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now. */
export async function runAxe(page: Page): Promise<AxeOutcome> {
  // evaluated through the DevTools protocol, not as a <script> tag: the site's CSP refuses inline scripts
  await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is the global the injected script defines
    const axeGlobal = (globalThis as any).axe;
    const result = await axeGlobal.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    type Node = { target: unknown[] };
    type Rule = { id: string; impact?: string | null; help: string; helpUrl: string; nodes: Node[] };
    return {
      violations: (result.violations as Rule[]).map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        helpUrl: v.helpUrl,
        targets: v.nodes.map((n) => n.target.map(String).join(' ')),
      })),
      passes: (result.passes as Rule[]).length,
      incomplete: (result.incomplete as Rule[]).map(
        (r) => `${r.id} on ${r.nodes.map((n) => n.target.map(String).join(' ')).join(', ')}`,
      ),
    };
  }, WCAG_21_AA_TAGS);
}

/** One line per violation and one per failing element, for the assertion message. */
export function formatViolations(url: string, violations: AxeViolation[]): string {
  const lines = violations.flatMap((v) => [
    `${url}: ${v.id} [${v.impact ?? 'unknown'}] ${v.help} (${v.helpUrl})`,
    ...v.targets.map((target) => `    ${target}`),
  ]);
  return lines.join('\n');
}

// ── keyboard and focus ──

export type FocusState = {
  /** position among the elements `markTabbables` found, or null for another focus stop */
  order: number | null;
  tag: string;
  id: string;
  label: string;
  href: string | null;
  /** inside main or after it: where Tab goes on from the skip link's target */
  pastMainStart: boolean;
  /** the outline or shadow that shows the focus, or null when nothing does */
  indicator: string | null;
  rect: Rect;
};

const TABBABLE = [
  'a[href]',
  'area[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  'iframe',
  '[contenteditable=""]',
  '[contenteditable="true"]',
  '[tabindex]',
].join(',');

/**
 * Numbers the elements that Tab should reach, in document order (the pages use no positive tabindex),
 * as `data-tab-order`, and returns a short description of each.
 */
export function markTabbables(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll(selector))) {
      const tabindex = element.getAttribute('tabindex');
      if (tabindex !== null && Number(tabindex) < 0) continue;
      const style = getComputedStyle(element);
      if (element.getClientRects().length === 0 || style.visibility === 'hidden') continue;
      if (element.closest('[inert]')) continue;
      // the content of a closed <details> is skipped by Tab (its own summary is not)
      const closed = element.closest('details:not([open])');
      if (closed && !(element.tagName === 'SUMMARY' && element.parentElement === closed)) continue;
      element.setAttribute('data-tab-order', String(found.length));
      const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
      found.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${text.slice(0, 40)}"`);
    }
    return found;
  }, TABBABLE);
}

/** The focused element, and whether a visible outline or box-shadow marks it. */
export function readFocus(page: Page): Promise<FocusState> {
  return page.evaluate(() => {
    const element = document.activeElement ?? document.body;
    const style = getComputedStyle(element);
    const transparent = (color: string) => color === 'transparent' || /rgba\(.*,\s*0\)$/.test(color);
    const outline =
      style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0 && !transparent(style.outlineColor)
        ? `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`
        : null;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '' ? `box-shadow ${style.boxShadow}` : null;
    const order = element.getAttribute('data-tab-order');
    const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
    const r = element.getBoundingClientRect();
    const main = document.querySelector('main');
    // Node.DOCUMENT_POSITION_FOLLOWING | DOCUMENT_POSITION_CONTAINED_BY
    const pastMainStart =
      main !== null && (main === element || (main.compareDocumentPosition(element) & (4 | 16)) !== 0);
    return {
      order: order === null ? null : Number(order),
      pastMainStart,
      tag: element.tagName.toLowerCase(),
      id: element.id,
      label: text.slice(0, 40),
      href: element.getAttribute('href'),
      indicator: outline ?? shadow,
      rect: { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height },
    };
  });
}

export function describeFocus(focus: FocusState): string {
  return `${focus.tag}${focus.id ? `#${focus.id}` : ''}${focus.href ? `[href=${focus.href}]` : ''} "${focus.label}"`;
}

// ── reflow: 360 px and 200 % ──

export type ReflowState = {
  scrollWidth: number;
  innerWidth: number;
  heading: { text: string; left: number; right: number; width: number; height: number } | null;
  /** the outermost elements that stick out to the right of the viewport (not inside their own scroll box) */
  overflowing: string[];
};

export function measureReflow(page: Page): Promise<ReflowState> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const path = (element: DomElement) => {
      const parts: string[] = [];
      for (let e: DomElement | null = element; e && e !== document.body && parts.length < 4; e = e.parentElement) {
        const classes =
          typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/).join('.')}` : '';
        parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${classes}`);
      }
      return parts.join(' > ');
    };
    const clips = (e: DomElement) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(e).overflowX);
    // Whether a scroll (or clip) box holds the element in: walk its containing blocks, not its parents, since an
    // absolutely positioned element escapes every box between it and its nearest positioned ancestor.
    const heldIn = (element: DomElement) => {
      for (let e: DomElement | null = element; e && e !== document.body; ) {
        const position = getComputedStyle(e).position;
        if (position === 'fixed') return false;
        let next: DomElement | null = e.parentElement;
        if (position === 'absolute') {
          while (next && next !== document.body && getComputedStyle(next).position === 'static')
            next = next.parentElement;
        }
        if (next && next !== document.body && clips(next)) return true;
        e = next;
      }
      return false;
    };
    const culprits = new Map<string, number>();
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      const r = element.getBoundingClientRect();
      if (r.right <= width + 1 || heldIn(element)) continue;
      const parent = element.parentElement;
      // the outermost culprit only: its descendants stick out with it
      if (parent && parent !== document.body && parent.getBoundingClientRect().right > width + 1 && !heldIn(parent))
        continue;
      const key = `${path(element)} (right ${Math.round(r.right)}px, position ${getComputedStyle(element).position})`;
      culprits.set(key, (culprits.get(key) ?? 0) + 1);
    }
    const overflowing = [...culprits].slice(0, 8).map(([key, count]) => (count > 1 ? `${key} ×${count}` : key));
    const h1 = document.querySelector('main h1') ?? document.querySelector('h1');
    const r = h1?.getBoundingClientRect();
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: width,
      heading:
        h1 && r
          ? {
              text: (h1.textContent ?? '').replace(/\s+/g, ' ').trim(),
              left: r.left,
              right: r.right,
              width: r.width,
              height: r.height,
            }
          : null,
      overflowing,
    };
  });
}

// ── charts ──

export type ChartState = {
  title: string;
  labelledBy: string;
  inFigure: boolean;
  /** the first table after the chart in its figure: its column heads and its data cells row by row */
  table: { columns: number; rows: string[][] } | null;
  /** the bars ECharts drew (its SSR marks each with its series and data index): [series, category index] */
  bars: [number, number][];
};

/** Every `svg[role=img]` with its text alternative, its figure's table and its bars. */
export function inspectCharts(page: Page): Promise<ChartState[]> {
  return page.evaluate(() => {
    const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
    return Array.from(document.querySelectorAll('svg[role="img"]')).map((svg) => {
      const title = (svg.querySelector('title')?.textContent ?? '').trim();
      const labelledBy = (svg.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => (document.getElementById(id)?.textContent ?? '').trim())
        .join(' ')
        .trim();
      const figure = svg.closest('figure');
      const table = figure
        ? Array.from(figure.querySelectorAll('table')).find((t) => svg.compareDocumentPosition(t) & FOLLOWING)
        : undefined;
      const bars = Array.from(svg.querySelectorAll('path[ecmeta_ssr_type="chart"][ecmeta_data_index]')).map(
        (bar): [number, number] => [
          Number(bar.getAttribute('ecmeta_series_index')),
          Number(bar.getAttribute('ecmeta_data_index')),
        ],
      );
      return {
        title,
        labelledBy,
        inFigure: figure !== null,
        table: table
          ? {
              columns: table.querySelectorAll('thead th').length,
              rows: Array.from(table.querySelectorAll('tbody tr')).map((tr) =>
                Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim()),
              ),
            }
          : null,
        bars,
      };
    });
  });
}
