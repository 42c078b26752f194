import { expect, test, type Locator, type Page } from '@playwright/test';
import { logIn } from '../support/login.js';
import { card, column, createCase, dragWithMouse } from './board-support.js';

test('an agent drags a new complaint with the mouse from intake to investigation', async ({ page }) => {
  const created = await createCase();
  await logIn(page, 'agent');
  await page.goto(`/?q=${created.waybill}`);
  const intake = column(page, '受理');
  const investigation = column(page, '调查核实');
  await dragWithMouse(page, card(intake, created.number), investigation);
  await expect(investigation.getByText('可以移到这里')).toBeVisible();
  await page.mouse.up();

  await expect(card(investigation, created.number)).toBeVisible();
  await expect(card(intake, created.number)).toHaveCount(0);
  // The server took it: after a reload the card is still there.
  await page.reload();
  await expect(card(column(page, '调查核实'), created.number)).toBeVisible();
});

test('a case moves with the keyboard alone, announced to screen readers', async ({ page }) => {
  const created = await createCase();
  await logIn(page, 'agent');
  await page.goto(`/?q=${created.waybill}`);
  const intake = column(page, '受理');
  await expect(card(intake, created.number)).toBeVisible();

  // Tab from the search box reaches the card; space lifts it, the arrow picks the column, space drops it.
  await page.getByLabel('搜索').focus();
  const focused = card(intake, created.number);
  for (let presses = 0; presses < 60 && !(await focused.evaluate((element) => element === element.ownerDocument.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(focused).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByText(`已拿起投诉单 ${created.number}，当前在「受理」。`)).toBeAttached();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(`投诉单 ${created.number} 位于「调查核实」上方。可以放在这里。`)).toBeAttached();
  await page.keyboard.press('Space');

  const investigation = column(page, '调查核实');
  await expect(card(investigation, created.number)).toBeVisible();
  await expect(card(investigation, created.number)).toBeFocused();
  await expect(page.getByText(`投诉单 ${created.number} 已放到「调查核实」。`)).toBeAttached();
});

test('a move the workflow refuses shows what is missing, and the card stays', async ({ page }) => {
  const created = await createCase({ toInvestigation: true });
  await logIn(page, 'quality');
  await page.goto(`/?q=${created.waybill}`);
  const investigation = column(page, '调查核实');
  const compensation = column(page, '赔偿审批');
  await dragWithMouse(page, card(investigation, created.number), compensation);
  // Said in words while dragging, before anything is dropped.
  await expect(compensation.getByText('缺少：调查结论（投诉是否成立）')).toBeVisible();
  await page.mouse.up();

  await expect(page.getByRole('alert')).toContainText(`${created.number} 不能移到「赔偿审批」：缺少：调查结论（投诉是否成立）`);
  await expect(card(investigation, created.number)).toBeVisible();
  await expect(card(compensation, created.number)).toHaveCount(0);
});

test('a move the server refuses goes back with the server\'s reason', async ({ page }) => {
  const created = await createCase();
  // Without live updates this screen cannot learn of the colleague's edit below, as after a network cut.
  await page.route('**/socket.io/**', (route) => route.abort());
  await logIn(page, 'agent');
  await page.goto(`/?q=${created.waybill}`);
  const intake = column(page, '受理');
  await expect(card(intake, created.number)).toBeVisible();
  // A colleague edits the case meanwhile, so the version this screen holds is stale.
  const edit = await page.request.patch(`/api/cases/${created.id}`, { data: { version: created.version, title: '大件家具外包装破损，扶手划伤' } });
  expect(edit.status()).toBe(200);

  await dragWithMouse(page, card(intake, created.number), column(page, '调查核实'));
  await page.mouse.up();
  await expect(page.getByRole('alert')).toContainText(`${created.number} 未能移动：案件已被他人修改，请刷新后重试`);
  await expect(card(intake, created.number)).toBeVisible();
});

/** A finger on a touch screen: press and hold (a swipe alone scrolls), slide, lift. */
async function dragWithFinger(page: Page, from: Locator, to: Locator): Promise<void> {
  const start = await from.boundingBox();
  const end = await to.boundingBox();
  if (!start || !end) throw new Error('card or column is not on screen');
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  const [x0, y0] = [start.x + start.width / 2, start.y + 20];
  const [x1, y1] = [end.x + end.width / 2, end.y + 160];
  await touch('touchStart', x0, y0);
  await page.waitForTimeout(400);
  for (let step = 1; step <= 12; step++) await touch('touchMove', x0 + ((x1 - x0) * step) / 12, y0 + ((y1 - y0) * step) / 12);
  await touch('touchEnd', x1, y1);
}

test('on a touch screen a card is held, then dragged to the next column', async ({ browser }) => {
  const created = await createCase();
  const { baseURL, locale } = test.info().project.use;
  const context = await browser.newContext({ baseURL, locale, hasTouch: true });
  const page = await context.newPage();
  await logIn(page, 'agent');
  await page.goto(`/?q=${created.waybill}`);
  const investigation = column(page, '调查核实');
  await dragWithFinger(page, card(column(page, '受理'), created.number), investigation);
  await expect(card(investigation, created.number)).toBeVisible();
  await context.close();
});
