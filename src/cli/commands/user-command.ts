import { operatorActor, ROLE_LABELS, type RoleName } from '../../domain/access-policy.js';
import {
  addAccount,
  disableAccount,
  generatePassword,
  listAccounts,
  resetAccountPassword,
  resetAccountTwoFactor,
  type TwoFactorReset,
} from '../../service/accounts/manage-accounts.js';
import { type CliCommand, UsageError } from '../cli-command.js';
import { exitCodes, exitCodesHelp } from '../exit-codes.js';
import { withCliDatabase } from '../open-cli-database.js';

const ROLES = Object.keys(ROLE_LABELS) as RoleName[];

// each says what was found and what was done, so the operator knows whether the person must set 2FA up again
const RESET_TWO_FACTOR_REPORTS: Record<TwoFactorReset, (email: string) => string> = {
  turned_off: (email) => `アカウント ${email} の二段階認証を解除しました（ログイン中のセッションも終了しました）。`,
  setup_discarded: (email) =>
    `アカウント ${email} の二段階認証は有効ではありませんでした。確認コードの入力前で止まっていた設定を取り消しました（ログイン中のセッションはそのままです）。`,
  not_set_up: (email) =>
    `アカウント ${email} の二段階認証は有効ではありません（設定途中のものもなく、変更はありません）。`,
};

export const userCommand: CliCommand = {
  name: 'user',
  help: `使い方:
  renkei user add --email メール --role 役割 [--name 氏名] [--area 識別名] [--municipality 団体コード|名前] [--password-stdin]
  renkei user list [--json]
  renkei user disable メール
  renkei user reset-password メール [--password-stdin]
  renkei user reset-2fa メール

Web の職員ページ（/signin）に入るアカウントを管理します。最初の管理者はこのコマンドで作ります。
既定のアカウントやパスワードはありません。
パスワードは --password-stdin のとき標準入力の 1 行目から読み（12 文字以上）、
指定しなければ 20 文字のものを作って一度だけ表示します。
reset-2fa は、端末をなくした人の二段階認証（確認コード）を解除します（ログイン中のセッションも終了します）。
その人は次からパスワードだけでログインし、アカウントのページで設定し直せます。
管理者は自分では二段階認証を解除できないため、このコマンドが唯一の解除手段です。

役割（--role）:
  admin               システム管理者（圏域とアカウントの管理、文書の取り込み、操作記録）
  central_staff       中心市の担当職員（--area が必要）
  municipality_staff  市町村の担当職員（--area と --municipality が必要）
  council             ビジョン懇談会委員（--area が必要）

この操作は操作記録に「cli」として残ります。

${exitCodesHelp}`,
  options: {
    email: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    area: { type: 'string' },
    municipality: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run({ values, positionals, io }) {
    const [action, target] = positionals;
    const actor = operatorActor('cli');
    const password = async () => {
      if (values['password-stdin'] !== true) return { value: generatePassword(), generated: true };
      const line = (await io.readStdin()).split(/\r?\n/)[0] ?? '';
      return { value: line, generated: false };
    };
    switch (action) {
      case 'add': {
        const email = typeof values.email === 'string' ? values.email : undefined;
        const role = values.role;
        if (!email) throw new UsageError('--email が必要です');
        if (typeof role !== 'string' || !ROLES.includes(role as RoleName)) {
          throw new UsageError(`--role には ${ROLES.join(', ')} のどれかを指定してください`);
        }
        const secret = await password();
        const account = await withCliDatabase(io, { ensureSchema: true }, ({ db }) =>
          addAccount(db, actor, {
            email,
            name: typeof values.name === 'string' ? values.name : email,
            password: secret.value,
            role: {
              role: role as RoleName,
              areaSlug: typeof values.area === 'string' ? values.area : undefined,
              municipality: typeof values.municipality === 'string' ? values.municipality : undefined,
            },
          }),
        );
        io.stderr(`アカウントを作りました: ${account.email}（${ROLE_LABELS[role as RoleName]}）\n`);
        if (secret.generated) io.stdout(`${secret.value}\n`);
        if (secret.generated) io.stderr('上の行が初期パスワードです。二度と表示しません。\n');
        return exitCodes.ok;
      }
      case 'list': {
        const accounts = await withCliDatabase(io, { ensureSchema: true }, ({ db }) => listAccounts(db));
        if (values.json === true) {
          io.stdout(`${JSON.stringify(accounts, null, 2)}\n`);
          return exitCodes.ok;
        }
        for (const a of accounts) {
          const roles = a.roles
            .map((r) => [r.role, r.areaSlug, r.municipalityName].filter((x) => x !== null).join(':'))
            .join(',');
          // columns scripts read keep their places; two-factor is a new last column
          const state = a.disabled ? 'disabled' : 'active';
          io.stdout(`${a.email}\t${state}\t${roles}\t${a.name}\t${a.twoFactor ? '2fa' : '-'}\n`);
        }
        return exitCodes.ok;
      }
      case 'disable': {
        if (!target) throw new UsageError('無効にするアカウントのメールアドレスを指定してください');
        await withCliDatabase(io, { ensureSchema: true }, ({ db }) => disableAccount(db, actor, target));
        io.stderr(`アカウント ${target} を無効にしました（ログイン中のセッションも終了しました）。\n`);
        return exitCodes.ok;
      }
      case 'reset-password': {
        if (!target) throw new UsageError('アカウントのメールアドレスを指定してください');
        const secret = await password();
        await withCliDatabase(io, { ensureSchema: true }, ({ db }) =>
          resetAccountPassword(db, actor, target, secret.value),
        );
        if (secret.generated) io.stdout(`${secret.value}\n`);
        io.stderr(`アカウント ${target} のパスワードを再設定しました。\n`);
        return exitCodes.ok;
      }
      case 'reset-2fa': {
        if (!target) throw new UsageError('アカウントのメールアドレスを指定してください');
        const reset = await withCliDatabase(io, { ensureSchema: true }, ({ db }) =>
          resetAccountTwoFactor(db, actor, target),
        );
        io.stderr(`${RESET_TWO_FACTOR_REPORTS[reset](target)}\n`);
        return exitCodes.ok;
      }
      default:
        throw new UsageError('add、list、disable、reset-password、reset-2fa のどれかを指定してください');
    }
  },
};
