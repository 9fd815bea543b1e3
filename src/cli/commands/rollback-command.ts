import { operatorActor } from '../../domain/access-policy.js';
import { getDefaultAreaSlug } from '../../service/default-area-slug.js';
import { rollbackToRevision } from '../../service/rollback-revision.js';
import { type CliCommand, UsageError } from '../cli-command.js';
import { exitCodes, exitCodesHelp } from '../exit-codes.js';
import { withCliDatabase } from '../open-cli-database.js';

export const rollbackCommand: CliCommand = {
  name: 'rollback',
  help: `使い方: renkei rollback --revision N [--area SLUG]

公開済みの第 N 版を、圏域の現在の版（公開ページ・API・オープンデータが示す版）に戻します。
版の内容は変わりません。操作記録に vision.rollback として残ります。もう一度 rollback すれば元に戻せます。

オプション:
  --revision N  現在の版にする公開済みの版の番号
  --area SLUG   圏域の識別名（省略時は最初に登録した圏域）
  -h, --help    この説明

${exitCodesHelp}`,
  options: { revision: { type: 'string' }, area: { type: 'string' } },
  async run({ values, io }) {
    const seq = Number(String(values.revision ?? '').normalize('NFKC'));
    if (!Number.isInteger(seq) || seq < 1) throw new UsageError('--revision に 1 以上の版番号を指定してください');
    const result = await withCliDatabase(io, { ensureSchema: true }, async ({ db }) => {
      const areaSlug = typeof values.area === 'string' ? values.area : await getDefaultAreaSlug(db);
      return { areaSlug, ...(await rollbackToRevision(db, operatorActor('cli'), { areaSlug, seq })) };
    });
    io.stderr(
      result.status === 'changed'
        ? `現在の版を第 ${result.previousSeq ?? '—'} 版から第 ${result.seq} 版に戻しました（圏域 ${result.areaSlug}）。\n`
        : `第 ${result.seq} 版はすでに現在の版です。何も変えていません。\n`,
    );
    io.stdout(`${JSON.stringify(result)}\n`);
    return exitCodes.ok;
  },
};
