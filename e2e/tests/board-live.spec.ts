import { expect, test, type Browser, type Page } from '@playwright/test';
import { logIn } from '../support/login.js';
import { card, column, createCase, dragWithMouse } from './board-support.js';

/** A colleague at their own desk: their own browser context, signed in, looking at one search. */
async function desk(browser: Browser, username: string, waybill: string): Promise<Page> {
  const { baseURL, locale } = test.info().project.use;
  const context = await browser.newContext({ baseURL, locale });
  const page = await context.newPage();
  await logIn(page, username);
  await page.goto(`/?q=${waybill}`);
  return page;
}

test('a move on one screen moves the card on every other open board, without a reload', async ({ browser }) => {
  const created = await createCase();
  const mover = await desk(browser, 'agent', created.waybill);
  const watcher = await desk(browser, 'supervisor', created.waybill);
  await expect(card(column(watcher, '受理'), created.number)).toBeVisible();

  await dragWithMouse(mover, card(column(mover, '受理'), created.number), column(mover, '调查核实'));
  await mover.mouse.up();

  const arrived = card(column(watcher, '调查核实'), created.number);
  await expect(arrived).toBeVisible();
  await expect(arrived).toHaveClass(/case-card--highlighted/);
  await expect(card(column(watcher, '受理'), created.number)).toHaveCount(0);
  // The mover's own screen shows the card once, not once more for the live echo of its own move.
  await expect(card(column(mover, '调查核实'), created.number)).toHaveCount(1);
});

test('the card says who has the case open', async ({ browser }) => {
  const created = await createCase();
  const board = await desk(browser, 'agent', created.waybill);
  await expect(card(column(board, '受理'), created.number)).toBeVisible();

  const colleague = await desk(browser, 'supervisor', created.waybill);
  await colleague.goto(`/cases/${created.number}`);
  await expect(colleague.getByRole('dialog', { name: new RegExp(created.number) })).toBeVisible();

  await expect(card(column(board, '受理'), created.number)).toContainText('李建国 正在查看');
});
