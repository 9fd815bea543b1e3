import { StaffLayout, type StaffViewer } from '../staff-layout.js';

/** /staff: where a signed-in account starts: what its roles let it do. */
export function StaffHomePage(props: { viewer: StaffViewer }) {
  return (
    <StaffLayout title="職員メニュー" viewer={props.viewer}>
      {props.viewer.links.length > 1 ? (
        <p>上のメニューから作業を選んでください。</p>
      ) : (
        <p>このアカウントにはまだ役割が割り当てられていません。管理者に依頼してください。</p>
      )}
    </StaffLayout>
  );
}
