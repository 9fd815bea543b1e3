/** 「2022-10-01」 → 「2022年10月1日」 (a population's date as people read it); other text unchanged. */
export function formatIsoDateJa(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** The Japanese text of the portal's shared parts. Pages reuse these so one wording is used everywhere. */
export const messages = {
  siteName: '連携中枢都市圏ビジョン ポータル',
  /** the end of every <title>: `{page}｜{area} 連携中枢都市圏ビジョン` */
  titleSuffix: '連携中枢都市圏ビジョン',
  titleSeparator: '｜',
  defaultDescription: (areaName: string) =>
    `${areaName}の連携中枢都市圏ビジョンに載る事業、事業費、成果指標を誰でも閲覧できるページです。`,
  skipLink: '本文へスキップ',
  nav: {
    label: 'サイト内',
    menu: 'メニュー',
    /**
     * `area` items are paths inside the area shown (web/area-paths.ts); `site` items are the same everywhere.
     * Home first, then the area's pages, then the pages about every area and the API.
     */
    items: [
      { href: '/', label: 'ホーム', scope: 'area' },
      { href: '/matrix', label: '連携協約項目の一覧表', scope: 'area' },
      { href: '/projects', label: '事業一覧', scope: 'area' },
      { href: '/status', label: '達成状況', scope: 'area' },
      { href: '/findings', label: '文書の不整合', scope: 'area' },
      { href: '/downloads', label: 'オープンデータ', scope: 'downloads' },
      { href: '/areas', label: '圏域一覧', scope: 'site' },
      { href: '/api/docs', label: 'API', scope: 'site' },
    ],
    areas: { href: '/areas', label: '圏域一覧', scope: 'site' },
  },
  header: {
    publisher: '発行',
    contact: '問い合わせ',
    updated: '最終更新',
    /** the central city's name when no PUBLISHER is configured */
    publisherFallback: (centralCity: string) => centralCity,
    searchLabel: 'この圏域の事業を検索',
    searchAllLabel: 'すべての圏域の事業を検索',
    searchButton: '検索',
  },
  breadcrumbs: { label: 'パンくずリスト', home: 'ホーム', areas: '圏域一覧' },
  footer: {
    source: '出典: 各圏域の連携中枢都市圏ビジョン。金額の単位は千円',
    linksLabel: 'このサイトのページ',
    links: [
      { href: '/areas', label: '圏域一覧' },
      { href: '/areas/compare', label: '圏域の比較' },
      { href: '/areas/search', label: 'すべての圏域から探す' },
      { href: '/api/docs', label: 'API の説明（開発者向け）' },
      { href: '/accessibility', label: 'アクセシビリティ方針' },
    ],
    data: 'オープンデータ（CSV・Excel・JSON）',
    accessibility: 'アクセシビリティ方針',
    accessibilityHref: '/accessibility',
  },
  newBadge: '新規',
  scrollHint: '表は横にスクロールできます →',
  required: '※必須',
  amountUnit: '千円',
  unitLabel: (unit: string) => `単位：${unit}`,
  prevNext: { label: '前後の事業', prev: '前の事業', next: '次の事業' },
  pagination: { label: 'ページ送り', prev: '前のページ', next: '次のページ' },
  figures: {
    /** a budget cell the document left empty: "not given", never 0 */
    notGiven: '記載なし',
    /** read aloud after a 「—」 cell */
    dashSpoken: '（金額の記載なし）',
    /** a chart whose every value is 「—」 or blank: the frame would be empty */
    noAmounts: 'どの年度にも金額の記載がありません（文書では「—」または空欄）。下の表に文書の記載のまま示します。',
    total: (amount: string, unit: string, years: number) => `計 ${amount}${unit}（${years}年度分の合計。文書の記載）`,
    totalMark: (mark: string) => `計 ${mark}（文書に金額の記載なし）`,
    excludedProjects: (count: number) => `金額の記載がない${count}事業（「—」または空欄）は含みません。`,
    excludedCells: '金額の記載がない欄（「—」または空欄）は0として数えず、合計に含めていません。',
  },
  filters: {
    label: '事業の絞り込み',
    keyword: 'キーワード（事業名・内容・連携効果・指標）',
    search: '検索',
    more: '条件で絞り込む・並べ替える',
    active: (list: string) => `指定中: ${list}`,
    apply: 'この条件で表示',
    clear: '条件をクリア',
  },
  projectList: {
    title: '事業一覧',
    countAll: (total: number) => `全${total}事業を表示しています。`,
    countSome: (matched: number, total: number) => `全${total}事業のうち、条件に合う${matched}事業を表示しています。`,
    caption: '事業の一覧',
    columns: {
      number: '番号',
      name: '事業名',
      placement: '位置づけ（役割・連携施策）',
      participants: '参加する連携町村',
      total: '事業費見込額の計（千円）',
    },
    centralOnly: '中心市のみ',
    empty: '条件に合う事業はありません。キーワードを短くするか、条件を減らしてください。',
    clearLink: '条件をクリアしてすべての事業を見る',
  },
  municipality: {
    kind: '区分',
    central: '中心市',
    partner: '連携町村',
    code: '全国地方公共団体コード',
    unknownCode: '（不明）',
    population: '人口',
    populationValue: (value: string, asOf: string, basis: string, source: string) =>
      `${value}人（${formatIsoDateJa(asOf)}時点の${basis}。出典: ${source}）`,
    projects: '参加する事業',
    projectCount: (count: number, of: number) => `全${of}事業のうち${count}事業に参加しています。`,
    total: '参加する事業の事業費見込額の計',
    totalValue: (amount: string) => `${amount}千円`,
    totalNote: '計画期間全体の圏域全体の事業費です。市町村ごとの負担額ではありません。',
    none: '参加する事業はありません。',
    tableLabel: (name: string) => `${name}が参加する事業と役割分担`,
    columns: {
      number: '番号',
      name: '事業名',
      role: 'この市町村の役割分担',
      total: '事業費見込額の計（千円）',
    },
  },
  areas: {
    lead: (count: number) =>
      `このポータルに登録されている圏域（連携中枢都市圏・定住自立圏）は${count}つです。圏域名から、その圏域の事業・事業費・成果指標のページへ進めます。`,
    caption: '登録されている圏域',
    totalHeader: '事業費見込額の計画期間の合計（千円）',
    totalNote:
      '※事業費見込額の合計は、計画期間のすべての年度の合計です。金額の記載がない欄（「—」または空欄）は0として数えず、合計に含めていません。',
  },
  compare: {
    lead: (count: number, unknown: string) =>
      `${count}つの圏域の現在の版を並べています。事業費見込額は各事業の計（計がなければ年度の合計）を計画期間について足したもので、金額の記載がない事業（「—」または空欄）は含みません。1人あたりの事業費は、構成市町村すべての人口が分かる圏域だけ計算し、分からない圏域は「${unknown}」と示します。`,
    overviewCaption: '圏域の概要（事業費は千円、1人あたりは円）',
    totalHeader: '事業費見込額（計画期間の合計、千円）',
    populationHeader: '人口（人）',
    perCapitaHeader: '1人あたり事業費（計画期間の合計、円）',
    perCapitaPerYearHeader: '1人あたり事業費（1年あたり、円）',
    populationNote: (area: string, dated: string) =>
      `※${area}の人口: 構成市町村の${dated}の合計（市町村ごとの出典は各市町村のページ）。1年あたりの事業費は、計画期間の合計を年度数で割った値です。`,
  },
  findings: {
    caption: (caption: string, count: number) => `${caption}（${count}件）`,
    wholeDocument: '文書全体',
    lead: (fileName: string | null, count: number) =>
      `取り込んだ文書${fileName ? `「${fileName}」` : ''}の中で、連携協約項目の表と事業シートの食い違いや合計の誤りなどを${count}件見つけました。データは文書の記載のまま掲載し、ここで、どこの何が食い違うかを示しています。`,
    columns: { kind: '種類', project: '事業', where: '場所', detail: '食い違いの内容' },
  },
  downloads: {
    /** after a file's name in its link: what is saved, and how big */
    linkMeta: (format: string, size: string) => `（${format}、${size}、ダウンロード）`,
  },
  home: {
    areasNote: (count: number, name: string) =>
      `このポータルには${count}つの圏域があります。このページは${name}を表示しています。ほかの圏域は`,
    areasNoteEnd: 'から選べます。',
    municipalitiesCaption: (dates: string | null) => (dates === null ? '構成市町村' : `構成市町村と人口（${dates}）`),
    planTotal: (amount: string, years: number) => `計画期間${years}年度分の合計 ${amount}千円。`,
    moreHeading: 'ほかのページ',
    findingsNote: (count: number) =>
      count === 0 ? '（見つかった不整合はありません）' : `（文書の中の食い違い${count}件）`,
    statusNote: '（公表された年度の成果指標の達成状況と事業の評価）',
    openData: 'オープンデータ',
    openDataNote: '（CSV・Excel・JSON のファイルをダウンロード）',
    api: 'API の説明',
    apiNote: '（プログラムからデータを取得する方法。開発者向け）',
  },
  participants: {
    all: (count: number) => `連携町村のすべて（${count}町村）が参加します。`,
    some: (taking: number, of: number) => `連携町村${of}町村のうち${taking}町村が参加します。`,
    none: '連携町村の参加はありません（中心市のみ）。',
    notTaking: '参加しない町村: ',
    /** the project list's cell when every partner takes part: 「すべての連携町村（4町村）」 */
    allPartners: 'すべての連携町村',
    partnerCount: (count: number) => `（${count}町村）`,
  },
  roles: { sameAsAbove: '（文書では「同上」。中心市と同じ役割です）' },
  source: {
    sheet: (title: string, label: string | null, seq: number, project: number) =>
      `「${title}」${label ? `（${label}）` : ''}第${seq}版、事業${project}の事業シート。`,
    file: (fileName: string, from: number, to: number, importedAt: string) =>
      `取り込んだファイル「${fileName}」の${from}行目から${to}行目にあたります（${importedAt}に取り込み）。`,
  },
  /** The staff pages (signed in): the menu's names, also used as the pages' titles and breadcrumbs. */
  staff: {
    /** the frame of every staff page (staff-layout.tsx) */
    frame: {
      menu: '職員メニュー',
      description: 'Renkei 職員用ページ',
      signedInAs: 'ログイン中: ',
      signOut: 'ログアウト',
    },
    menu: {
      account: 'アカウント',
      results: '実績の入力',
      review: '実績の確認と公表',
      opinions: '懇談会の所見と対応方針',
      import: '文書の取り込み',
      drafts: 'ビジョンの版と下書き',
      users: 'アカウント管理',
      audit: '操作記録',
    },
    /** what the account page and the sign-in code step answer about passwords and codes */
    twoFactor: {
      passwordMissing: 'パスワードを入力してください',
      passwordWrong: 'パスワードが違います',
      codeMissing: '6 桁の数字（またはバックアップコード）を入力してください',
      totpMissing: '認証アプリに表示されている 6 桁の数字を入力してください',
      wrongCode: '確認コードが違います。認証アプリに今表示されている 6 桁の数字を入力してください。',
      clockHint: '（端末の時刻がずれていると合いません）',
      wrongBackupCode: 'バックアップコードが違うか、使用済みです',
      usedCode:
        'この確認コードはすでに使われています。認証アプリに次のコードが表示されてから、そのコードを入力してください。',
      tooMany: '確認コードの試行が多すぎます。しばらく（最長 15 分）待ってから、もう一度お試しください。',
      startAgain:
        'ログインの手続きの有効期限が切れたか、確認コードを何度も間違えました。もう一度メールアドレスとパスワードを入力してください。',
      notOn: '二段階認証は有効ではありません。',
      alreadyOn: '二段階認証はすでに有効です。',
      alreadyOnElsewhere: '二段階認証はすでに有効です（別の画面で設定が済んでいます）。',
      adminKeepsIt:
        'システム管理者のアカウントは、二段階認証を自分では解除できません。端末をなくしたときは、サーバーで renkei user reset-2fa を実行してもらってください。',
    },
    /** /account: the password change (the two-factor part is `twoFactorSection`) */
    account: {
      passwordChanged: 'パスワードを変更しました。ほかの端末のログインは終了しました。',
      passwordHeading: 'パスワードの変更',
      labels: {
        currentPassword: '今のパスワード',
        newPassword: '新しいパスワード',
        confirmPassword: '新しいパスワード（確認）',
      },
      newPasswordHint: (minLength: number) => `${minLength} 文字以上。ほかのサービスと同じものは使わないでください。`,
      change: '変更する',
      /** what the password change answers, per field */
      currentPasswordMissing: '今のパスワードを入力してください',
      currentPasswordWrong: '今のパスワードが違います',
      newPasswordTooShort: (minLength: number) => `${minLength} 文字以上にしてください`,
      newPasswordTooLong: '256 文字以内にしてください',
      confirmPasswordDiffers: '新しいパスワードと同じものを入力してください',
    },
    /** the account page's two-factor part: turn it on; once on, new backup codes or turn it off */
    twoFactorSection: {
      heading: '二段階認証（確認コード）',
      labels: { twoFactorPassword: 'パスワード', twoFactorCode: '確認コード', backupCodesPassword: 'パスワード' },
      turnedOff: '二段階認証を解除しました。次からはパスワードだけでログインします。',
      status: '状態: ',
      on: '有効',
      off: '無効',
      turnOnLead:
        'ログインのとき、パスワードのあとに認証アプリ（Google Authenticator、Microsoft Authenticator など）が示す 6 桁の確認コードも入力するようにします。パスワードが漏れても、端末がなければログインできません。システム管理者は、一度有効にすると自分では解除できません。',
      turnOn: '二段階認証を設定する',
      passwordAgainHint: '本人の確認のため、今のパスワードを入力してください。',
      newCodesHeading: 'バックアップコードの作り直し',
      /** `strong` is shown in bold between the two */
      newCodesLead: {
        before: '新しいバックアップコードを 10 個作ります。',
        strong: '今までのバックアップコードは使えなくなります。',
        after: '新しいコードは次の画面で一度だけ表示します。',
      },
      newCodes: 'バックアップコードを作り直す',
      turnOffHeading: '二段階認証の解除',
      /** `command` is shown as code between the two */
      adminKeepsIt: {
        before: 'システム管理者のアカウントは、二段階認証を自分では解除できません。端末をなくしたときは、サーバーで',
        command: 'renkei user reset-2fa メールアドレス',
        after: ' を実行して解除してもらってください。',
      },
      turnOffLead: '解除すると、次からはパスワードだけでログインします。',
      codeHint: '認証アプリの 6 桁のコード、またはバックアップコード',
      turnOff: '二段階認証を解除する',
    },
    /** /account/two-factor/enable: the secret to register, then a first code */
    twoFactorSetup: {
      title: '二段階認証の設定',
      codeLabel: '確認コード',
      registerHeading: '1. 認証アプリに登録する',
      registerLead:
        '認証アプリで「セットアップキーを入力」などを選び、次のキーを入力してください（種類は「時間ベース」）。アカウント名はメールアドレスにしてください。',
      secretTerm: 'セットアップキー',
      uriTerm: 'otpauth URI（このキーを読み込めるアプリ向け）',
      /** `link` opens the otpauth URI */
      openInApp: { before: 'この端末に認証アプリがあれば、', link: '認証アプリで開く', after: 'こともできます。' },
      confirmHeading: '2. 確認コードを入力する',
      confirmLead:
        '登録すると、アプリに 6 桁の数字が表示されます（30 秒ごとに変わります）。その数字を入力してください。',
      codeHint: '半角数字 6 桁',
      confirm: '確認して有効にする',
      /** `link` goes back to the account page */
      notYet: {
        before: 'まだ有効になっていません。15 分以内に確認しないときは、',
        link: 'アカウントのページ',
        after: 'からやり直してください。',
      },
    },
    /** the backup codes, shown once: after set-up (`enabled`) or made anew (`regenerated`) */
    backupCodes: {
      enabled: {
        title: '二段階認証を有効にしました',
        notice: '二段階認証を有効にしました。次のログインから、パスワードのあとに確認コードを入力します。',
      },
      regenerated: {
        title: 'バックアップコードを作り直しました',
        notice: 'バックアップコードを作り直しました。今までのバックアップコードは、もう使えません。',
      },
      heading: 'バックアップコード',
      /** `strong` is shown in bold between the two */
      lead: {
        before: '端末をなくしたときは、確認コードの代わりに次のコードを 1 つずつ使えます（各 1 回限り）。',
        strong: 'この画面でしか表示しません。',
        after: '印刷するか書き写して、端末とは別の安全な場所に保管してください。',
      },
      listLabel: 'バックアップコード',
      back: 'アカウントのページに戻る',
    },
    /** /signin: e-mail and password */
    signIn: {
      title: '職員ログイン',
      crumbs: { home: 'ホーム', signIn: '職員ログイン' },
      description: '圏域の市町村の担当職員・ビジョン懇談会委員・管理者のログイン',
      lead: '圏域の市町村の担当職員、ビジョン懇談会の委員、管理者の方のページです。アカウントは管理者が発行します。',
      labels: { email: 'メールアドレス', password: 'パスワード' },
      submit: 'ログイン',
      forgotPassword: 'パスワードを忘れたときは、圏域の管理者に再設定を依頼してください。',
    },
    /** /signin/code: the second step of a sign-in */
    signInCode: {
      title: '確認コードの入力',
      crumbs: { home: 'ホーム', signIn: '職員ログイン', code: '確認コード' },
      description: '二段階認証の確認コードの入力',
      lead: (email: string) =>
        `${email} は二段階認証を使っています。認証アプリに表示されている 6 桁の確認コードを入力してください。`,
      codeLabel: '確認コード',
      codeHint: '認証アプリの 6 桁の数字。端末がないときはバックアップコード（例: abcde-12345）',
      submit: '確認してログイン',
      /** `command` is shown as code between the two */
      noDevice: {
        before:
          '端末もバックアップコードもないときは、このポータルを管理している担当者に二段階認証の解除を依頼してください（担当者がサーバーで',
        command: 'renkei user reset-2fa',
        after: ' を実行して解除します）。',
      },
      startAgain: '最初からやり直す',
    },
  },
  chart: {
    /** head of the column naming each series in a chart's data table */
    seriesHeader: '区分',
    tableLabel: (caption: string) => `${caption}（表）`,
    tableCaption: (caption: string, unit: string) => `${caption}（単位：${unit}）`,
  },
} as const;
