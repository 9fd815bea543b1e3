import type { Child } from 'hono/jsx';
import { messages } from '../messages.js';

/**
 * A wide table's own scroll box, so the page never scrolls sideways at 360 px or 200 % zoom.
 * It is focusable (keyboard users can scroll it) and a named region (they hear what they scroll). Shadows at its
 * edges show that more is to the side; on a narrow screen a line says so. `stacked`: the table turns into cards
 * below 48em (`.stack-table`), so there is nothing to scroll and no line.
 */
export function DataTableScroll(props: { label: string; children: Child; stacked?: boolean }) {
  return (
    <>
      {props.stacked ? null : (
        <p class="table-scroll-hint" aria-hidden="true">
          {messages.scrollHint}
        </p>
      )}
      {/* biome-ignore lint/a11y/useSemanticElements: a scroll box, not a section of the document; pages and tests find it by role="region" */}
      <div
        class={props.stacked ? 'table-scroll table-scroll--stacked' : 'table-scroll'}
        role="region"
        tabindex={0}
        aria-label={props.label}
      >
        {props.children}
      </div>
    </>
  );
}
