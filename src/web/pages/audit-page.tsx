import type { AuditEntry } from '../../service/audit-log.js';
import { StaffLayout, type StaffViewer } from '../staff-layout.js';

export type AuditFilterForm = { actor: string; entity: string; action: string; from: string; to: string };

/** /admin/audit: the audit log, newest first, with filters and the CSV of what is shown. */
export function AuditPage(props: {
  viewer: StaffViewer;
  filter: AuditFilterForm;
  total: number;
  entries: AuditEntry[];
  csvHref: string;
  nextHref?: string | undefined;
  prevHref?: string | undefined;
}) {
  const { filter } = props;
  return (
    <StaffLayout title="操作記録" viewer={props.viewer}>
      <p class="lead">
        データを変えた操作とログインの記録です。記録は追加だけができ、データベースが変更と削除を拒否します。
      </p>
      <form method="get" action="/admin/audit" class="filter-form">
        <div class="form-field">
          <label for="actor">操作した人（メールアドレスの一部）</label>
          <input id="actor" name="actor" type="text" value={filter.actor} />
        </div>
        <div class="form-field">
          <label for="entity">対象の種類</label>
          <input id="entity" name="entity" type="text" value={filter.entity} />
        </div>
        <div class="form-field">
          <label for="action">操作</label>
          <input id="action" name="action" type="text" value={filter.action} />
        </div>
        <div class="form-field">
          <label for="from">期間の始め</label>
          <input id="from" name="from" type="date" value={filter.from} />
        </div>
        <div class="form-field">
          <label for="to">期間の終わり</label>
          <input id="to" name="to" type="date" value={filter.to} />
        </div>
        <div class="filter-form__actions">
          <button type="submit">絞り込む</button>
        </div>
      </form>
      <p>
        {props.total}件の記録があります。<a href={props.csvHref}>この条件の記録を CSV でダウンロード</a>
      </p>
      <figure>
        <figcaption>操作記録（新しい順）</figcaption>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">日時（UTC）</th>
                <th scope="col">操作した人</th>
                <th scope="col">経路</th>
                <th scope="col">操作</th>
                <th scope="col">対象</th>
                <th scope="col">変更前</th>
                <th scope="col">変更後</th>
              </tr>
            </thead>
            <tbody>
              {props.entries.map((e) => (
                <tr>
                  <td>{e.at}</td>
                  <th scope="row">{e.actorLabel}</th>
                  <td>{e.channel}</td>
                  <td>{e.action}</td>
                  <td>
                    {e.entity}
                    {e.entityId ? ` ${e.entityId}` : ''}
                  </td>
                  <td>
                    <code>{e.before === null ? '' : JSON.stringify(e.before)}</code>
                  </td>
                  <td>
                    <code>{e.after === null ? '' : JSON.stringify(e.after)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </figure>
      <nav aria-label="ページ送り" class="pagination">
        {props.prevHref ? <a href={props.prevHref}>新しい記録へ</a> : null}
        {props.nextHref ? <a href={props.nextHref}>古い記録へ</a> : null}
      </nav>
    </StaffLayout>
  );
}
