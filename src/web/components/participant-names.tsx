import type { Project, Vision } from '../../domain/vision.js';
import { messages } from '../messages.js';

/**
 * The partners taking part in a project, for a list cell: 「すべての連携町村（4町村）」 when all do, else the names,
 * each kept whole on a line (never 蓬 / 田村).
 */
export function ParticipantNames(props: { project: Project; vision: Vision }) {
  const partners = props.vision.area.municipalities.filter((m) => !m.isCentralCity);
  const taking = props.project.participants;
  if (taking.length === 0) return <>{messages.projectList.centralOnly}</>;
  if (partners.length > 1 && partners.every((m) => taking.includes(m.name))) {
    // 「（4町村）」 stays on one line: never 「（4」 / 「町村）」
    return (
      <>
        {messages.participants.allPartners}
        <span class="nowrap">{messages.participants.partnerCount(partners.length)}</span>
      </>
    );
  }
  return (
    <>
      {taking.map((name, i) => (
        <>
          {i > 0 ? '、' : ''}
          <span class="nowrap">{name}</span>
        </>
      ))}
    </>
  );
}
