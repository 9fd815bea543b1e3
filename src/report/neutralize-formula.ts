/**
 * Makes a text cell inert for spreadsheet programs (OWASP CSV injection): a cell beginning with `=`, `+`, `-`,
 * `@`, a tab or a carriage return (and more after it) would be read by Excel or LibreOffice as a formula, so it gets a leading `'`.
 * Numbers are never passed here (they stay numbers); the rule is stated in the data dictionary.
 *
 * @example neutralizeFormula('=HYPERLINK("http://x")') // → "'=HYPERLINK(\"http://x\")"
 * @example neutralizeFormula('52事業') // → '52事業'
 */
export function neutralizeFormula(text: string): string {
  // a lone sign is no formula: the documents print `-` for "none" and it stays as printed
  return text.length > 1 && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The sentence the data dictionary and the downloads page state about it. */
export const FORMULA_RULE_JA =
  "文字列の値が「=」「+」「-」「@」、タブ、改行のいずれかで始まるときは、表計算ソフトが数式として実行しないよう先頭に「'」を付けています（CSV インジェクション対策）。";
