import type { Page } from 'playwright-core';

/**
 * The staff's draft flow in a browser, step by step, by the labels a person reads (kept stable: a whole-year test
 * chains these steps). Each step starts from the page the previous one left and waits for its answer.
 */

export async function signInAs(page: Page, origin: string, email: string, password: string): Promise<void> {
  await page.goto(`${origin}/staff`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL(/\/staff$/);
}

/** From the staff menu: the drafts page of the account's area, then a new draft of its current revision. */
export async function makeDraft(page: Page): Promise<number> {
  await page.getByRole('link', { name: 'ビジョンの版と下書き' }).click();
  await page.waitForLoadState();
  await page.getByRole('button', { name: '現在の版から下書きを作る' }).click();
  await page.waitForURL(/\/staff\/drafts\/[^/]+\/\d+\?saved=created$/);
  return Number(/\/(\d+)\?saved=created$/.exec(page.url())?.[1]);
}

/** From the draft's project list: one project's editor. */
export async function openDraftProject(page: Page, projectNumber: number): Promise<void> {
  await page.getByRole('link', { name: new RegExp(`^事業${projectNumber} .*を編集$`) }).click();
  await page.waitForLoadState();
}

/** Back to the draft's project list (the breadcrumb). */
export async function backToDraft(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'パンくずリスト' })
    .getByRole('link', { name: /^第\d+版の下書き$/ })
    .click();
  await page.waitForLoadState();
}

/** On a project's editor: one fiscal year's estimate re-estimated (千円). */
export async function reestimateBudget(page: Page, fiscalYear: number, amount: string): Promise<void> {
  await page.getByLabel(`${fiscalYear}年度の事業費（千円）`).fill(amount);
  await page.getByRole('button', { name: '事業費を見直す' }).click();
  await page.waitForLoadState();
}

/** On a project's editor: merge it into project `intoNumber`, with the reason. */
export async function mergeInto(page: Page, intoNumber: number, reason: string): Promise<void> {
  const option = page.locator('#merge-into option', { hasText: new RegExp(`^事業${intoNumber} `) });
  await page.getByLabel('統合先の事業').selectOption((await option.getAttribute('value')) ?? '');
  await page.getByLabel('統合の理由（必須）').fill(reason);
  await page.getByRole('button', { name: 'この事業を統合する' }).click();
  await page.waitForLoadState();
}

export type DraftPlan = {
  reestimate: { projectNumber: number; fiscalYear: number; amount: string };
  merge: { projectNumber: number; intoNumber: number; reason: string };
};

/**
 * From the staff menu: a draft of the current revision with one budget cell re-estimated and one project merged
 * into another; ends on the draft's project list and returns the draft's revision number.
 */
export async function makeDraftReestimateAndMerge(page: Page, plan: DraftPlan): Promise<number> {
  const seq = await makeDraft(page);
  await openDraftProject(page, plan.reestimate.projectNumber);
  await reestimateBudget(page, plan.reestimate.fiscalYear, plan.reestimate.amount);
  await backToDraft(page);
  await openDraftProject(page, plan.merge.projectNumber);
  await mergeInto(page, plan.merge.intoNumber, plan.merge.reason);
  await backToDraft(page);
  return seq;
}

/** From the draft's project list: review its diff and publish it; ends on the public diff page. */
export async function reviewAndPublish(page: Page, options: { confirmRemovals?: boolean } = {}): Promise<void> {
  await page.getByRole('link', { name: '変更点を確認して公開する' }).click();
  await page.waitForLoadState();
  if (options.confirmRemovals) await page.getByLabel('上の内容が公開データから消えることを確認しました').check();
  await page.getByRole('button', { name: /^第\d+版として公開する$/ }).click();
  await page.waitForURL(/\/revisions\/\d+\/diff\/\d+$/);
}
