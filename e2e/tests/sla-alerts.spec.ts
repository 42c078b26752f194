import { expect, request, test, type APIRequestContext } from '@playwright/test';
import type { SlaPolicy } from '@app/shared';
import { DEMO_PASSWORD, logIn } from '../support/login.js';
import { createCase } from './board-support.js';

/** Serious complaints due a first response about seven seconds after intake (warning after five). */
const FIRST_RESPONSE_HOURS = 0.002;

async function signedInApi(username: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: test.info().project.use.baseURL });
  const login = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  return api;
}

test('a head is alerted on the board when a serious complaint runs out of time, and its history says so', async ({ page }) => {
  // Intake, the warning and the breach, each found by a sweep every second.
  test.setTimeout(60_000);
  const admin = await signedInApi('admin');
  const policy = (await (await admin.get('/api/settings/sla-policy')).json()) as SlaPolicy;
  try {
    // Shortening the window moves the breaches of older serious cases into the past, where the
    // watch does not look: only cases taken in from now on are announced.
    const shortened = await admin.put('/api/settings/sla-policy', {
      data: { ...policy, serious: { ...policy.serious, firstResponseHours: FIRST_RESPONSE_HOURS } },
    });
    expect(shortened.status(), await shortened.text()).toBe(200);
    await logIn(page, 'head');
    const created = await createCase({ username: 'agent', severity: 'serious' });

    const alert = page.getByRole('list', { name: '超时提醒' }).getByRole('listitem').filter({ hasText: created.number });
    await expect(alert).toContainText('首次响应已超时', { timeout: 30_000 });
    await alert.getByRole('link', { name: new RegExp(created.number) }).click();

    const history = page.getByRole('dialog', { name: new RegExp(created.number) }).getByRole('region', { name: '处理记录' });
    await expect(history.getByText('首次响应已超时')).toBeVisible();
    await expect(history.getByText('首次响应即将超时')).toBeVisible();
    await page.getByRole('dialog').getByRole('button', { name: '关闭', exact: true }).click();

    await page.getByRole('button', { name: `关闭提醒 ${created.number}` }).click();
    await expect(alert).toHaveCount(0);
  } finally {
    await admin.put('/api/settings/sla-policy', { data: policy });
    await admin.dispose();
  }
});
