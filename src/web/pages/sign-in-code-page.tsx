import { FormAlert } from '../components/form-alert.js';
import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../components/form-fields.js';
import { Layout } from '../layout.js';
import { messages } from '../messages.js';

const TEXT = messages.staff.signInCode;
const LABELS = { code: TEXT.codeLabel } as const;

/** /signin/code: the second step of a sign-in, for an account with two-factor on. */
export function SignInCodePage(props: {
  email: string;
  csrf: string;
  errors: FieldErrors<'code'>;
  alert?: string | undefined;
}) {
  return (
    <Layout
      title={TEXT.title}
      areaName=""
      breadcrumbs={[
        { label: TEXT.crumbs.home, href: '/' },
        { label: TEXT.crumbs.signIn, href: '/signin' },
        { label: TEXT.crumbs.code },
      ]}
      description={TEXT.description}
    >
      <h1>{TEXT.title}</h1>
      <p class="lead">{TEXT.lead(props.email)}</p>
      <FormAlert message={props.alert} />
      <ErrorSummary errors={props.errors} labels={LABELS} />
      <form method="post" action="/signin/code" class="filter-form">
        <CsrfField token={props.csrf} />
        <TextField
          name="code"
          label={LABELS.code}
          autocomplete="one-time-code"
          hint={TEXT.codeHint}
          error={props.errors.code}
          required
        />
        <div class="filter-form__actions">
          <button type="submit">{TEXT.submit}</button>
        </div>
      </form>
      <p>
        {TEXT.noDevice.before}
        <code>{TEXT.noDevice.command}</code>
        {TEXT.noDevice.after}
      </p>
      <p>
        <a href="/signin">{TEXT.startAgain}</a>
      </p>
    </Layout>
  );
}
