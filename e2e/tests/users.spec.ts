import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { logIn } from '../support/login.js';

async function expectNoAxeViolation(page: Page, ...selectors: string[]) {
  const results = await selectors.reduce((builder, selector) => builder.include(selector), new AxeBuilder({ page })).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('an admin adds a colleague who then signs in, and deactivating them signs them out at once', async ({ page, browser }) => {
  // Other tests share this server: a username of this run only.
  const username = `e2e${Date.now().toString(36)}`;
  const password = 'kuaidi-2026';
  const displayName = `钱小红${username.slice(-4)}`;

  await logIn(page, 'admin');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '用户管理' }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByRole('table', { name: '全部用户' })).toBeVisible();
  await expectNoAxeViolation(page, '.users', '.app-header');

  await page.getByRole('button', { name: '新增用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新增用户' });
  await dialog.getByLabel('姓名').fill(displayName);
  await dialog.getByLabel('用户名').fill(username.toUpperCase());
  await dialog.getByLabel('初始密码').fill(password);
  await dialog.getByRole('button', { name: '保存' }).click();
  // The shared schema refuses uppercase before anything is sent.
  await expect(dialog.getByLabel('用户名')).toHaveAccessibleDescription(/须为 3–32 位小写字母或数字/);
  await expectNoAxeViolation(page, '.small-dialog');
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByRole('row', { name: new RegExp(displayName) });
  await expect(row.getByRole('cell', { name: '在用' })).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByLabel('用户名')).toBeVisible();

  const colleagueContext = await browser.newContext();
  try {
    const colleague = await colleagueContext.newPage();
    await logIn(colleague, username, password);
    await expect(colleague.getByRole('banner').getByText(displayName)).toBeVisible();

    await logIn(page, 'admin');
    await page.goto('/users');
    await page.getByRole('button', { name: `停用 ${displayName}` }).click();
    await expect(page.getByRole('button', { name: `启用 ${displayName}` })).toBeVisible();
    await expect(row.getByRole('cell', { name: '已停用' })).toBeVisible();

    // Their open board learns at once that the session is gone.
    await expect(colleague.getByLabel('用户名')).toBeVisible();
    await colleague.getByLabel('用户名').fill(username);
    await colleague.getByLabel('密码').fill(password);
    await colleague.getByRole('button', { name: '登录', exact: true }).click();
    await expect(colleague.getByRole('alert')).toHaveText('用户名或密码错误');
  } finally {
    await colleagueContext.close();
  }
});
