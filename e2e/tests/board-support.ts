import { expect, request, test, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/login.js';

let serial = 0;

/** A waybill no seeded case has (the seed's start with KD), so a search for it finds exactly one card. */
export function uniqueWaybill(): string {
  serial += 1;
  return `BT${Date.now().toString().slice(-9)}${String(serial).padStart(3, '0')}`;
}

export interface CreatedCase {
  id: string;
  number: string;
  version: number;
  waybill: string;
}

/** A complaint recorded through the API by `username`, optionally moved on to investigation. */
export async function createCase(
  options: { username?: string; waybill?: string; toInvestigation?: boolean; severity?: 'serious' | 'important' | 'general' } = {},
): Promise<CreatedCase> {
  const { baseURL } = test.info().project.use;
  const api = await request.newContext({ baseURL });
  try {
    const login = await api.post('/api/auth/login', { data: { username: options.username ?? 'agent', password: DEMO_PASSWORD } });
    expect(login.status()).toBe(200);
    const waybill = options.waybill ?? uniqueWaybill();
    const created = await api.post('/api/cases', {
      data: {
        title: '大件家具运输中外包装破损',
        channel: 'phone',
        category: 'damaged',
        severity: options.severity ?? 'important',
        customer: { name: '陶晓梅', phone: `137${Date.now().toString().slice(-8)}` },
        shipment: { waybill, origin: '佛山顺德营业部', destination: '武汉洪山营业部' },
        facts: { description: '客户签收时发现沙发外包装破损，扶手有明显划痕。' },
        claim: { amount: 650, remedies: ['compensation'] },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    let detail = await created.json();
    if (options.toInvestigation) {
      const moved = await api.post(`/api/cases/${detail.id}/transitions`, { data: { to: 'investigation', version: detail.version } });
      expect(moved.status(), await moved.text()).toBe(200);
      detail = await moved.json();
    }
    return { id: detail.id, number: detail.number, version: detail.version, waybill };
  } finally {
    await api.dispose();
  }
}

export const column = (page: Page, label: string): Locator => page.getByRole('region', { name: new RegExp(`^${label}`) });

export const card = (scope: Page | Locator, number: string): Locator => scope.getByRole('button', { name: new RegExp(number) });

/** Drags with the mouse the way a person does: press, a small move to lift, travel, release. */
export async function dragWithMouse(page: Page, from: Locator, to: Locator): Promise<void> {
  const start = await from.boundingBox();
  const end = await to.boundingBox();
  if (!start || !end) throw new Error('card or column is not on screen');
  await page.mouse.move(start.x + start.width / 2, start.y + 20);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 10, start.y + 30, { steps: 4 });
  await page.mouse.move(end.x + end.width / 2, end.y + 160, { steps: 12 });
}
