import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { logIn } from '../support/login.js';
import { card, column, createCase } from './board-support.js';

const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

test.beforeEach(({ page }) => logIn(page, 'agent'));

test('finds a case by its waybill from the search box', async ({ page }) => {
  const created = await createCase();
  await page.getByLabel('搜索').fill(created.waybill.slice(2));
  await expect(page).toHaveURL(new RegExp(`q=${created.waybill.slice(2)}`));
  await expect(card(column(page, '受理'), created.number)).toBeVisible();
  for (const label of ['调查核实', '赔偿审批', '整改', '回访', '结案']) {
    await expect(column(page, label).getByRole('button')).toHaveCount(0);
  }
});

test('filters live in the URL and survive a reload', async ({ page }) => {
  await page.locator('summary', { hasText: '严重等级' }).click();
  // click, not check: the box follows the URL, which the router updates a moment after the click.
  await page.getByLabel('严重', { exact: true }).click();
  await expect(page.getByLabel('严重', { exact: true })).toBeChecked();
  await page.getByLabel('我负责的').click();
  await expect(page.getByLabel('我负责的')).toBeChecked();
  await expect(page).toHaveURL(/severity=serious/);
  await expect(page).toHaveURL(/mine=true/);
  await page.reload();
  await expect(page.locator('summary', { hasText: '严重等级（1）' })).toBeVisible();
  await expect(page.getByLabel('我负责的')).toBeChecked();
  const cards = page.locator('.case-card[data-case-number]');
  await expect(cards.first()).toBeVisible();
  for (const severity of await page.locator('.case-card .severity-badge').allTextContents()) expect(severity).toBe('严重');

  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('saves the current filters as a named view and opens it again', async ({ page }) => {
  await page.goto('/?sla=breached&swimlane=severity');
  await page.getByRole('button', { name: '保存当前视图' }).click();
  const name = `超时-${Date.now()}`;
  await page.getByLabel('视图名称').fill(name);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `已保存视图「${name}」` })).toBeVisible();

  await page.goto('/');
  await page.getByLabel('已保存的视图').selectOption({ label: name });
  await expect(page).toHaveURL(/sla=breached/);
  await expect(page).toHaveURL(/swimlane=severity/);
  await expect(page.getByRole('heading', { level: 2, name: '严重' })).toBeVisible();
});

test('the board has no serious accessibility violations, and its picture is kept', async ({ page }) => {
  await expect(column(page, '受理').locator('.case-card').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).include('.board-page').analyze();
  const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(blocking.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'board.png') });
});
