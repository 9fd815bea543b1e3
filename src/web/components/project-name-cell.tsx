import type { Project } from '../../domain/vision.js';
import { areaHref } from '../area-paths.js';
import { NewBadge } from './new-badge.js';

/** The row header of a project table: its name linked to its page (inside the area), and 新規 when new. */
export function ProjectNameCell(props: { project: Project; base: string; name?: string }) {
  const { project } = props;
  return (
    <th scope="row">
      <a href={areaHref(props.base, `/projects/${project.number}`)}>{props.name ?? project.name}</a>
      {project.isNew ? <NewBadge /> : null}
    </th>
  );
}
