import { Layout } from '../layout.js';

/** An error page: what happened, in Japanese, and where to go next. */
export function ErrorPage(props: { status: number; title: string; detail: string }) {
  return (
    <Layout title={props.title} areaName="" breadcrumbs={[{ label: 'ホーム', href: '/' }, { label: props.title }]}>
      <h1>{props.title}</h1>
      <p>{props.detail}</p>
      <p>
        <a href="/">ホームへ戻る</a>・<a href="/projects">事業一覧</a>
      </p>
      <p class="note">（HTTP {props.status}）</p>
    </Layout>
  );
}
