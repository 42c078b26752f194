import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, logIn } from '../support/login.js';

test('a wrong password is refused with an announced error, and the form stays', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('用户名').fill('agent');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('用户名或密码错误');
  await expect(page.getByLabel('密码')).toBeFocused();
  await expect(page.getByRole('region', { name: /^受理/ })).toHaveCount(0);
});

test('the right password shows the board with who is signed in, also after a reload', async ({ page }) => {
  await logIn(page, 'agent', DEMO_PASSWORD);
  const header = page.getByRole('banner');
  await expect(header.getByText('王晓燕')).toBeVisible();
  await expect(header.getByText('客服专员')).toBeVisible();
  await expect(page.getByRole('region', { name: /^受理/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: /^受理/ })).toBeVisible();
});

test('signing out returns to the login form, and the session is gone for good', async ({ page }) => {
  await logIn(page, 'supervisor');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByLabel('用户名')).toBeVisible();
  await expect(page.getByRole('button', { name: '退出登录' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('用户名')).toBeVisible();
  expect((await page.request.get('/api/auth/me')).status()).toBe(401);
});

test('the login form has no accessibility violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('用户名')).toBeFocused();
  const results = await new AxeBuilder({ page }).include('.login').analyze();
  expect(results.violations).toEqual([]);
});
