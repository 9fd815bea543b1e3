import type ExcelJS from 'exceljs';
import { ENTRY_SHEETS, type EntryWorkbook, NOT_COUNTED } from '../domain/entry-workbook.js';

/** The first sheet of the entry workbook: what it is for, what to fill in, and how to send it back (Japanese). */
export function writeWorkbookInstructions(workbook: ExcelJS.Workbook, model: EntryWorkbook): void {
  const sheet = workbook.addWorksheet('はじめに');
  sheet.getColumn(1).width = 110;
  const central = model.kind === 'central';
  const lines = [
    `${model.area.name} ${model.fiscalYear}年度 実績記入用ブック（${model.municipality.name}）`,
    '',
    'このブックについて',
    `・${model.municipality.name}が参加する各事業について、${model.fiscalYear}年度の実績を記入して、Renkei の実績入力画面からアップロードしてください。`,
    '・黄色のセルだけが入力できます。そのほかのセル（事業番号・事業名・計画額など）は変更できません。',
    '・行を並べ替えても、シート名を変えても取り込めます。表の下に行を足した場合、その行は読み込みません。',
    '',
    '記入するもの',
    `・「${ENTRY_SHEETS.parts.name}」: 各事業の負担分の決算額（千円、0 以上の整数）とコメント。負担がない事業は 0 を入力します。`,
    ...(central
      ? [
          `・「${ENTRY_SHEETS.projects.name}」: 事業全体の決算額（千円）、取組状況、課題・今後の方向性、自己評価。`,
          `・「${ENTRY_SHEETS.kpis.name}」: 成果指標の実績値（数値）。集計できないときは実績値を空欄にし、「未集計」欄で「${NOT_COUNTED}」を選んで理由を書きます。`,
        ]
      : []),
    '・数値は半角・全角どちらでも、「1,234」のような区切りがあっても読み取ります。',
    '',
    '取り込みについて',
    '・アップロードすると、変更点（変更前 → 変更後）が表示されます。確認してから確定してください。',
    '・誤りがあるときは、シート名・セル番地・入力すべき内容をすべて示し、何も保存しません。',
    '・ブックを作ったあとに、ほかの人が同じ項目を変更した場合は、その項目を示して取り込みません。',
    '・提出済み・承認済みの事業は変更できません（変更が必要なときは中心市に差し戻しを依頼してください）。',
    `・このブックは ${model.municipality.name}・${model.fiscalYear}年度・現在のビジョン専用です。ほかの市町村・年度・古い版のブックは取り込めません。`,
  ];
  lines.forEach((text, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    cell.alignment = { wrapText: true };
  });
  sheet.getCell('A1').font = { bold: true, size: 14 };
  for (const heading of ['このブックについて', '記入するもの', '取り込みについて']) {
    const index = lines.indexOf(heading);
    sheet.getCell(index + 1, 1).font = { bold: true };
  }
}
