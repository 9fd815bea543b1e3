import { listAreas } from '../../service/area-directory.js';
import type { CliCommand } from '../cli-command.js';
import { displayWidth, padEndToWidth } from '../display-width.js';
import { exitCodes, exitCodesHelp } from '../exit-codes.js';
import { withCliDatabase } from '../open-cli-database.js';

export const areasCommand: CliCommand = {
  name: 'areas',
  help: `使い方: renkei areas [--json]

登録されている圏域を一覧にします（識別名、名前、種別、現在の版、事業数、構成市町村数）。
識別名は renkei import/export の --area と、ページの /areas/識別名/ に使います。
最初に登録した圏域がトップページ（/）で表示されます。

オプション:
  --json      1 行 1 圏域ではなく JSON の配列で出す
  -h, --help  この説明

${exitCodesHelp}`,
  options: { json: { type: 'boolean' } },
  async run({ values, io }) {
    const areas = await withCliDatabase(io, { ensureSchema: true }, ({ db }) => listAreas(db));
    if (values.json === true) {
      io.stdout(`${JSON.stringify(areas, null, 2)}\n`);
      return exitCodes.ok;
    }
    if (areas.length === 0) {
      io.stderr('登録されている圏域はありません。renkei import ファイル で取り込んでください。\n');
      return exitCodes.ok;
    }
    const rows = [
      ['識別名', '圏域', '種別', '版', '事業', '市町村'],
      ...areas.map((a) => [
        a.isDefault ? `${a.slug} *` : a.slug,
        a.name,
        a.kind,
        String(a.revision.seq),
        String(a.projectCount),
        String(a.municipalityCount),
      ]),
    ];
    const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? '')))) ?? [];
    for (const row of rows)
      io.stdout(
        `${row
          .map((cell, i) => padEndToWidth(cell, widths[i] ?? 0))
          .join('  ')
          .trimEnd()}\n`,
      );
    io.stdout('（* はトップページで表示する圏域）\n');
    return exitCodes.ok;
  },
};
