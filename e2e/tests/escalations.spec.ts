import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { logIn } from '../support/login.js';
import { createCase } from './board-support.js';

const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

test('a department head sees the breached cases of the demo month with how long they are overdue, and the page passes axe', async ({ page }) => {
  await logIn(page, 'head');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '升级看板' }).click();
  await expect(page).toHaveURL(/\/escalations$/);

  const strip = page.getByRole('navigation', { name: '各部门升级情况' });
  await expect(strip.getByRole('link', { name: /^全部部门/ })).toHaveAttribute('aria-current', 'page');
  const table = page.getByRole('table', { name: /^升级案件（\d+ 件）/ });
  const breached = table.locator('tbody tr[data-sla="breached"]');
  await expect(breached.first()).toBeVisible();
  await expect(breached.first().getByRole('cell').last()).toHaveText(/^已超时 (首次响应|解决)已超时 (\d+天)?(\d+小时)?(\d+分钟)?$/);
  // Breached first: no warning or on-time row comes before the last breached one.
  const states = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-sla')));
  expect(states.indexOf('breached')).toBe(0);
  expect(states.lastIndexOf('breached')).toBeLessThan(states.findIndex((state) => state !== 'breached'));

  const results = await new AxeBuilder({ page }).include('.escalations').include('.app-header').analyze();
  const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(blocking.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'escalations.png') });
});

test('a row opens the case drawer by keyboard, and closing it comes back to the escalation view', async ({ page }) => {
  await logIn(page, 'head');
  await page.goto('/escalations');
  // By number: a refetch may reorder the rows meanwhile.
  const number = (await page.getByRole('table').locator('tbody tr').first().getByRole('link').textContent())!;
  const link = page.getByRole('link', { name: number, exact: true });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/cases/${number}$`));
  await expect(page.getByRole('dialog', { name: new RegExp(number) })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '关闭', exact: true }).click();
  await expect(page).toHaveURL(/\/escalations$/);
  await expect(link).toBeFocused();
});

test('a serious complaint taken in elsewhere appears without a reload', async ({ page }) => {
  await logIn(page, 'head');
  await page.goto('/escalations');
  await expect(page.getByRole('table')).toBeVisible();
  const created = await createCase({ username: 'agent', severity: 'serious' });
  const row = page.getByRole('row', { name: new RegExp(created.number) });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell').last()).toHaveText(/^正常 首次响应剩余/);
});

test('an agent has no escalation link, and the API refuses them', async ({ page }) => {
  await logIn(page, 'agent');
  await expect(page.getByRole('region', { name: /^受理/ })).toBeVisible();
  await expect(page.getByRole('link', { name: '升级看板' })).toHaveCount(0);
  const answer = await page.request.get('/api/escalations');
  expect(answer.status()).toBe(403);
  expect((await answer.json()).code).toBe('FORBIDDEN');
});
