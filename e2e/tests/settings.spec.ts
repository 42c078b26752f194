import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { logIn } from '../support/login.js';

const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

async function expectNoSeriousAxeViolation(page: Page) {
  const results = await new AxeBuilder({ page }).include('.settings').include('.app-header').analyze();
  const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(blocking.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Types into a field by keyboard alone, replacing what it held. */
async function retype(page: Page, field: ReturnType<Page['getByRole']>, text: string) {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

test('an admin changes the resolution hours of 一般 by keyboard, sees them kept after a reload, and puts them back', async ({ page }) => {
  await logIn(page, 'admin');
  // Other tests run against this server: whatever happens below, the policy ends as it began.
  const original = await (await page.request.get('/api/settings/sla-policy')).json();
  try {
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '系统设置' }).click();
    await expect(page).toHaveURL(/\/settings$/);
    const slaForm = page.getByRole('form', { name: '时限标准' });
    const resolution = slaForm.getByRole('textbox', { name: '一般 解决时限（小时）' });
    const firstResponse = slaForm.getByRole('textbox', { name: '一般 首次响应（小时）' });
    const save = slaForm.getByRole('button', { name: '保存' });
    const before = await resolution.inputValue();
    expect(Number(before)).toBe(original.general.resolutionHours);
    await expect(save).toBeDisabled();

    // A limit past what the shared schema allows is said inline, on the field, before any save.
    await retype(page, firstResponse, '800');
    await expect(firstResponse).toHaveAttribute('aria-invalid', 'true');
    await expect(firstResponse).toHaveAccessibleDescription('不能超过 720 小时');
    await expectNoSeriousAxeViolation(page);
    await retype(page, firstResponse, String(original.general.firstResponseHours));
    await expect(firstResponse).not.toHaveAttribute('aria-invalid');

    // Longer, never shorter: a shorter limit would make the SLA watch record breaches for other tests.
    const longer = String(original.general.resolutionHours + 24);
    await retype(page, resolution, longer);
    await page.keyboard.press('Enter');
    await expect(slaForm.getByRole('status')).toHaveText('已保存，新设置已生效');
    await expect(save).toBeDisabled();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'settings.png'), fullPage: true });

    await page.reload();
    await expect(resolution).toHaveValue(longer);
    await expectNoSeriousAxeViolation(page);

    await retype(page, resolution, before);
    await page.keyboard.press('Enter');
    await expect(slaForm.getByRole('status')).toHaveText('已保存，新设置已生效');
    await page.reload();
    await expect(resolution).toHaveValue(before);
  } finally {
    const restored = await page.request.get('/api/settings/sla-policy');
    if (JSON.stringify(await restored.json()) !== JSON.stringify(original)) {
      await page.request.put('/api/settings/sla-policy', { data: original });
    }
  }
});

test('an agent has no settings link, and the page says they may not', async ({ page }) => {
  await logIn(page, 'agent');
  await expect(page.getByRole('region', { name: /^受理/ })).toBeVisible();
  await expect(page.getByRole('link', { name: '系统设置' })).toHaveCount(0);

  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 2, name: '系统设置' })).toBeVisible();
  await expect(page.getByText('您没有查看此页面的权限：系统设置仅限管理员修改。')).toBeVisible();
  await expect(page.getByRole('form')).toHaveCount(0);
  await expectNoSeriousAxeViolation(page);
  const answer = await page.request.put('/api/settings/sla-policy', { data: await (await page.request.get('/api/settings/sla-policy')).json() });
  expect(answer.status()).toBe(403);
});
