import { FormAlert } from '../components/form-alert.js';
import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../components/form-fields.js';
import { Layout } from '../layout.js';
import { messages } from '../messages.js';

export type SignInField = 'email' | 'password';

const TEXT = messages.staff.signIn;
const LABELS: Record<SignInField, string> = TEXT.labels;

/** /signin: e-mail and password; after a refusal the e-mail stays, the password never comes back. */
export function SignInPage(props: {
  email: string;
  next: string;
  csrf: string;
  errors: FieldErrors<SignInField>;
  /** a problem that is not one field's (wrong pair, too many tries) */
  alert?: string | undefined;
}) {
  return (
    <Layout
      title={TEXT.title}
      areaName=""
      breadcrumbs={[{ label: TEXT.crumbs.home, href: '/' }, { label: TEXT.crumbs.signIn }]}
      description={TEXT.description}
    >
      <h1>{TEXT.title}</h1>
      <p class="lead">{TEXT.lead}</p>
      <FormAlert message={props.alert} />
      <ErrorSummary errors={props.errors} labels={LABELS} />
      <form method="post" action="/signin" class="filter-form">
        <CsrfField token={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <TextField
          name="email"
          label={LABELS.email}
          type="email"
          value={props.email}
          error={props.errors.email}
          autocomplete="username"
          required
        />
        <TextField
          name="password"
          label={LABELS.password}
          type="password"
          error={props.errors.password}
          autocomplete="current-password"
          required
        />
        <div class="filter-form__actions">
          <button type="submit">{TEXT.submit}</button>
        </div>
      </form>
      <p>{TEXT.forgotPassword}</p>
    </Layout>
  );
}
