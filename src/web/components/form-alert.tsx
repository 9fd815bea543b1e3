import type { Child } from 'hono/jsx';

/**
 * A problem with a form that is not one field's (a wrong e-mail and password pair, too many tries, a stale form):
 * announced at once (role="alert"), with optional detail below its title. Nothing when there is no message.
 */
export function FormAlert(props: { message: string | undefined; children?: Child }) {
  if (!props.message) return null;
  return (
    <div class="warning" role="alert">
      <p class="warning__title">{props.message}</p>
      {props.children}
    </div>
  );
}
