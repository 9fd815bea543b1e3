import type { Child } from 'hono/jsx';
import { DataTableScroll } from './data-table-scroll.js';

/**
 * A table in a `<figure>` with its caption, its column headers (`scope="col"`) and its rows, in a scroll box that
 * turns into cards on a narrow screen (`.stack-table`): the shape of the staff and revision tables.
 */
export function TableFigure(props: { caption: string; columns: readonly string[]; class?: string; children: Child }) {
  return (
    <figure>
      <figcaption>{props.caption}</figcaption>
      <DataTableScroll label={props.caption} stacked>
        <table class={props.class ? `stack-table ${props.class}` : 'stack-table'}>
          <thead>
            <tr>
              {props.columns.map((column) => (
                <th scope="col">{column}</th>
              ))}
            </tr>
          </thead>
          <tbody>{props.children}</tbody>
        </table>
      </DataTableScroll>
    </figure>
  );
}
