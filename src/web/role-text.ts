import type { Project } from '../domain/vision.js';

/** What the sheets print in the partners' line when it repeats the central city's line above it. */
const SAME_AS_ABOVE = new Set(['同上', '同左', '〃']);

export type RoleTexts = {
  centralCity: string;
  partners: string;
  /** the document printed 「同上」 (or 同左, 〃) for the partners: `partners` is the central city's text */
  partnersSameAsAbove: boolean;
};

/**
 * A project's role sharing with 「同上」 resolved to the text it points at, so a page that shows the partners'
 * line alone (a town's page) still says something.
 * @example resolveRoleTexts({ roles: { centralCity: '技術水準の維持', partners: '同上' } }).partners // '技術水準の維持'
 */
export function resolveRoleTexts(project: Pick<Project, 'roles'>): RoleTexts {
  const { centralCity, partners } = project.roles;
  const sameAsAbove = SAME_AS_ABOVE.has(partners.normalize('NFKC').trim()) && centralCity.trim() !== '';
  return { centralCity, partners: sameAsAbove ? centralCity : partners, partnersSameAsAbove: sameAsAbove };
}
