import type { Child } from 'hono/jsx';

/**
 * A wide table's own scroll box, so the page never scrolls sideways at 360 px or 200 % zoom.
 * It is focusable (keyboard users can scroll it) and a named region (they hear what they scroll).
 */
export function DataTableScroll(props: { label: string; children: Child }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a scroll box, not a section of the document; pages and tests find it by role="region"
    <div class="table-scroll" role="region" tabindex={0} aria-label={props.label}>
      {props.children}
    </div>
  );
}
