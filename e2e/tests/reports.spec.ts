import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { currentReportMonth } from '@app/shared';
import { logIn } from '../support/login.js';

const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');
const DAY = 86_400_000;

test('a department head reads the demo month in every section, downloads it as CSV for Excel, and the page passes axe', async ({ page }) => {
  await logIn(page, 'head');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '月度报表' }).click();
  await expect(page).toHaveURL(/\/reports$/);

  // The demo data is the thirty days up to now: the month that held fifteen days ago has at least half of them.
  const month = currentReportMonth(Date.now() - 15 * DAY);
  await page.getByLabel('月份').fill(month);
  await expect(page).toHaveURL(new RegExp(`/reports\\?month=${month}$`));
  await expect(page.getByRole('heading', { name: `月度报表 · ${month}` })).toBeVisible();

  const figures = page.getByRole('region', { name: '关键指标' });
  await expect(figures.getByText(/^[1-9][\d,]* 件$/).first()).toBeVisible();
  await expect(figures.getByText(/^\d+\.\d%$/)).toHaveCount(2);
  await expect(figures.getByText(/^¥[1-9][\d,]*\.\d{2}$/)).toBeVisible();

  // Every table has at least one figure that is not zero: a section left empty would show here.
  const tables = page.locator('.reports table');
  await expect(tables).toHaveCount(14);
  for (const table of await tables.all()) {
    const caption = await table.locator('caption').textContent();
    const cells = await table.locator('tbody td, tfoot td').allTextContents();
    expect(cells.some((text) => /[1-9]/.test(text)), caption ?? '').toBe(true);
  }

  const results = await new AxeBuilder({ page }).include('.reports').include('.app-header').analyze();
  const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(blocking.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'reports.png'), fullPage: true });

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`投诉月报-${month}.csv`);
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain(`投诉月报,${month}`);
  expect(text).toContain('投诉类别,件数,占比（%）');
});

test('an agent has no report link, and the API and the page refuse them', async ({ page }) => {
  await logIn(page, 'agent');
  await expect(page.getByRole('region', { name: /^受理/ })).toBeVisible();
  await expect(page.getByRole('link', { name: '月度报表' })).toHaveCount(0);
  const answer = await page.request.get('/api/reports/monthly');
  expect(answer.status()).toBe(403);
  expect((await answer.json()).code).toBe('FORBIDDEN');
  expect((await page.request.get('/api/reports/monthly.csv')).status()).toBe(403);
  await page.goto('/reports');
  await expect(page.getByRole('alert')).toContainText('报表加载失败');
});
