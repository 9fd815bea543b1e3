import type { MunicipalityRef, Project } from '../domain/vision.js';
import { type AreaRecord, areaColumns, findPlacementTitles } from './open-data-context.js';
import type { TableSpec } from './open-data-table.js';

const projectNumberColumn = {
  name: 'project_number',
  label: '事業番号',
  type: 'integer',
  unit: null,
  description: 'ビジョンに印刷された事業の番号。変更（改訂）で番号が変わることがある。',
} as const;

/** projects.csv: one row per project; lists and texts with several values have their own files. */
export const projectsTableSpec: TableSpec<AreaRecord<Project>> = {
  id: 'projects',
  fileName: 'projects.csv',
  title: '事業',
  description:
    '具体的取組（事業）の一覧。1行が1事業。内容の箇条書きは project-contents.csv、参加市町村は participation.csv。',
  columns: [
    ...areaColumns<AreaRecord<Project>>(),
    { ...projectNumberColumn, value: (r) => r.item.number },
    {
      name: 'project_name',
      label: '事業名',
      type: 'string',
      unit: null,
      description: '事業シートに印刷された事業名（PDF の改行で入った空白は除く）。',
      value: (r) => r.item.name,
    },
    {
      name: 'name_in_matrix',
      label: '一覧表での事業名',
      type: 'string',
      unit: null,
      description: '連携協約項目の一覧表に印刷された事業名。一覧表にないときは空欄。',
      value: (r) => r.item.nameInMatrix,
    },
    {
      name: 'is_new',
      label: '新規',
      type: 'boolean',
      unit: null,
      description: 'この変更で新しく加わった事業なら true（一覧表の下線または「新規」の表示）。',
      value: (r) => r.item.isNew,
    },
    {
      name: 'role',
      label: '役割番号',
      type: 'integer',
      unit: null,
      description: 'ビジョンの役割（連携協約項目の大分類）の番号。見出しは role_title。',
      value: (r) => r.item.role,
    },
    {
      name: 'role_title',
      label: '役割',
      type: 'string',
      unit: null,
      description: '役割の見出し（事業シートの表記）。',
      value: (r) => findPlacementTitles(r.ctx.structure, r.item).role,
    },
    {
      name: 'policy_area',
      label: '連携施策番号',
      type: 'integer',
      unit: null,
      description: '役割の中での連携施策の番号（(1)、(2) …）。',
      value: (r) => r.item.policyArea,
    },
    {
      name: 'policy_area_title',
      label: '連携施策',
      type: 'string',
      unit: null,
      description: '連携施策の見出し（事業シートの表記）。',
      value: (r) => findPlacementTitles(r.ctx.structure, r.item).policyArea,
    },
    {
      name: 'sub_field',
      label: '分野番号',
      type: 'integer',
      unit: null,
      description: '連携施策の中の分野の番号（①、② …）。分野のない連携施策では空欄。',
      value: (r) => r.item.subField,
    },
    {
      name: 'sub_field_title',
      label: '分野',
      type: 'string',
      unit: null,
      description: '分野の見出し（例: ①地域医療）。分野がなければ空欄。',
      value: (r) => findPlacementTitles(r.ctx.structure, r.item).subField,
    },
    {
      name: 'related_municipalities',
      label: '関係市町村',
      type: 'string',
      unit: null,
      description: '事業シートの「関係市町村」欄の記載どおり（例: 全市町村）。市町村ごとの参加は participation.csv。',
      value: (r) => r.item.relatedMunicipalities,
    },
    {
      name: 'participant_count',
      label: '参加町村数',
      type: 'integer',
      unit: '団体',
      description: '一覧表で○の付いた連携町村の数（中心市を含まない）。',
      value: (r) => r.item.participants.length,
    },
    {
      name: 'effect',
      label: '連携効果',
      type: 'string',
      unit: null,
      description: '事業シートの「連携効果」欄。',
      value: (r) => r.item.effect,
    },
    {
      name: 'role_central_city',
      label: '役割分担（中心市）',
      type: 'string',
      unit: null,
      description: '「連携市町村の役割分担」のうち中心市の欄。',
      value: (r) => r.item.roles.centralCity,
    },
    {
      name: 'role_partners',
      label: '役割分担（連携町村）',
      type: 'string',
      unit: null,
      description: '「連携市町村の役割分担」のうち連携町村の欄。',
      value: (r) => r.item.roles.partners,
    },
    {
      name: 'kpi_count',
      label: '成果指標数',
      type: 'integer',
      unit: '件',
      description: '事業の成果指標（KPI）の数。内容は kpis.csv。',
      value: (r) => r.item.kpis.length,
    },
    {
      name: 'source_first_line',
      label: '文書の開始行',
      type: 'integer',
      unit: '行',
      description: '取り込んだ文書（テキスト）の中で事業シートが始まる行番号。',
      value: (r) => r.item.source.lines[0],
    },
    {
      name: 'source_last_line',
      label: '文書の終了行',
      type: 'integer',
      unit: '行',
      description: '事業シートが終わる行番号。',
      value: (r) => r.item.source.lines[1],
    },
  ],
};

/** A bullet of a sheet's 内容, or a footnote of the sheet that belongs to no KPI. */
export type ProjectText = { project: Project; kind: 'content' | 'note'; position: number; text: string };

export function listProjectTexts(projects: readonly Project[]): ProjectText[] {
  return projects.flatMap((project) => [
    ...project.content.map((text, i) => ({ project, kind: 'content' as const, position: i + 1, text })),
    ...project.notes.map((text, i) => ({ project, kind: 'note' as const, position: i + 1, text })),
  ]);
}

/** project-contents.csv: the 内容 bullets (one per row, without their ○) and the sheet's other footnotes. */
export const projectContentsTableSpec: TableSpec<AreaRecord<ProjectText>> = {
  id: 'project-contents',
  fileName: 'project-contents.csv',
  title: '事業の内容',
  description: '事業シートの「内容」の箇条書き（1行が1項目）と、成果指標に属さない注記。',
  columns: [
    ...areaColumns<AreaRecord<ProjectText>>(),
    { ...projectNumberColumn, value: (r) => r.item.project.number },
    {
      name: 'kind',
      label: '種類',
      type: 'string',
      unit: null,
      description: 'content（内容の箇条書き）または note（※ などの注記）。',
      value: (r) => r.item.kind,
    },
    {
      name: 'position',
      label: '順番',
      type: 'integer',
      unit: null,
      description: '事業・種類ごとの印刷順（1 から）。',
      value: (r) => r.item.position,
    },
    {
      name: 'text',
      label: '本文',
      type: 'string',
      unit: null,
      description: '印刷されたとおりの文（先頭の ○ は除く）。',
      value: (r) => r.item.text,
    },
  ],
};

/** One municipality and one project: does it take part? */
export type Participation = {
  areaName: string;
  municipality: MunicipalityRef;
  project: Project;
  participates: boolean;
};

/**
 * Every municipality of the area against every project. The central city is party to every project of its
 * vision (each 連携協約 is between it and a partner); a partner takes part where the matrix has its ○.
 */
export function listParticipation(
  areaName: string,
  municipalities: readonly MunicipalityRef[],
  projects: readonly Project[],
): Participation[] {
  return municipalities.flatMap((municipality) =>
    projects.map((project) => ({
      areaName,
      municipality,
      project,
      participates: municipality.isCentralCity || project.participants.includes(municipality.name),
    })),
  );
}

/** participation.csv: project × municipality, long format, each row with that municipality's code. */
export const participationTableSpec: TableSpec<Participation> = {
  id: 'participation',
  fileName: 'participation.csv',
  title: '事業への参加市町村',
  description: '圏域の市町村ごと・事業ごとに1行。参加していれば participates が true。',
  columns: [
    {
      name: 'municipality_code',
      label: '全国地方公共団体コード',
      type: 'code',
      unit: null,
      description: 'この行の市町村の全国地方公共団体コード（6桁の文字列）。不明なときは空欄。',
      value: (r) => r.municipality.code,
    },
    {
      name: 'municipality_name',
      label: '地方公共団体名',
      type: 'string',
      unit: null,
      description: 'この行の市町村の名称（公式の表記）。',
      value: (r) => r.municipality.name,
    },
    {
      name: 'area_name',
      label: '圏域名',
      type: 'string',
      unit: null,
      description: '連携中枢都市圏・定住自立圏の名称。',
      value: (r) => r.areaName,
    },
    {
      name: 'is_central_city',
      label: '中心市',
      type: 'boolean',
      unit: null,
      description: 'この行の市町村が中心市なら true。',
      value: (r) => r.municipality.isCentralCity,
    },
    { ...projectNumberColumn, value: (r) => r.project.number },
    {
      name: 'project_name',
      label: '事業名',
      type: 'string',
      unit: null,
      description: '事業シートに印刷された事業名。',
      value: (r) => r.project.name,
    },
    {
      name: 'participates',
      label: '参加',
      type: 'boolean',
      unit: null,
      description:
        '事業に参加していれば true。連携町村は一覧表の○、中心市はすべての事業の連携協約の当事者なので常に true。',
      value: (r) => r.participates,
    },
    {
      name: 'basis',
      label: '根拠',
      type: 'string',
      unit: null,
      description: 'participates の根拠: matrix（一覧表の○の有無）または central_city（中心市）。',
      value: (r) => (r.municipality.isCentralCity ? 'central_city' : 'matrix'),
    },
  ],
};
