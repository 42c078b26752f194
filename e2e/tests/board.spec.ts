import { expect, test } from '@playwright/test';
import { logIn } from '../support/login.js';

test.beforeEach(({ page }) => logIn(page, 'agent'));

test('the board shows the six columns of the flow with seeded cases', async ({ page }) => {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('投诉处理看板');
  for (const label of ['受理', '调查核实', '赔偿审批', '整改', '回访', '结案']) {
    await expect(page.getByRole('region', { name: new RegExp(`^${label}`) })).toBeVisible();
  }
  const intake = page.getByRole('region', { name: /^受理/ });
  await expect(intake.locator('.case-card').first()).toBeVisible();
  // Columns draw only the cards in view, most urgent first; the search brings this one up.
  await page.getByLabel('搜索').fill('生鲜包裹延误三天');
  await expect(intake.getByText('生鲜包裹延误三天，客户要求全额赔偿')).toBeVisible();
});

test('switching to English relabels the columns', async ({ page }) => {
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('region', { name: /^Compensation approval/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Complaint board');
});
