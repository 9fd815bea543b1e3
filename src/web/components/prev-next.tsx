import { messages } from '../messages.js';

export type PrevNextLink = { href: string; label: string };

type PrevNextProps = {
  prev?: PrevNextLink | undefined;
  next?: PrevNextLink | undefined;
};

type Wording = { label: string; prev: string; next: string };

/** Previous / next project at the foot of a project page. Renders nothing when there is neither. */
export function PrevNext(props: PrevNextProps) {
  return <SequenceNav {...props} block="prev-next" wording={messages.prevNext} />;
}

/** Previous / next page of a long list (`<nav aria-label="ページ送り">`). */
export function Pagination(props: PrevNextProps) {
  return <SequenceNav {...props} block="pagination" wording={messages.pagination} />;
}

function SequenceNav(props: PrevNextProps & { block: string; wording: Wording }) {
  const { prev, next, block, wording } = props;
  if (!prev && !next) return null;
  return (
    <nav aria-label={wording.label} class={block}>
      <ul>
        {prev && (
          <li class={`${block}__prev`}>
            <a href={prev.href} rel="prev">
              <span class={`${block}__direction`}>
                {wording.prev}
                <span class="visually-hidden">：</span>
              </span>
              <span>{prev.label}</span>
            </a>
          </li>
        )}
        {next && (
          <li class={`${block}__next`}>
            <a href={next.href} rel="next">
              <span class={`${block}__direction`}>
                {wording.next}
                <span class="visually-hidden">：</span>
              </span>
              <span>{next.label}</span>
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
