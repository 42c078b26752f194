import { expect, type Page } from '@playwright/test';

/** The password of every demo account (see the README's "Demo users"). */
export const DEMO_PASSWORD = 'demo1234';

/** Signs in through the login form (zh-CN labels) and waits until the signed-in header shows. */
export async function logIn(page: Page, username = 'agent', password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
}
