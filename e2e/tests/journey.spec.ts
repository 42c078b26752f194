import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { logIn } from '../support/login.js';

const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

/** A 1×1 PNG: the server recognises evidence by its bytes, so it has to be a real image. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A one-page PDF, as a scanned delivery receipt would arrive. */
const RECEIPT = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj',
    '4 0 obj << /Length 39 >> stream',
    'BT /F1 24 Tf 40 100 Td (RECEIPT) Tj ET',
    'endstream endobj',
    '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n'),
);

/** Each colleague in a browser of their own, signed in, as they would sit at their own desks. */
async function desk(browser: Browser, username: string): Promise<Page> {
  const { baseURL, locale } = test.info().project.use;
  const context = await browser.newContext({ baseURL, locale });
  const page = await context.newPage();
  await logIn(page, username);
  return page;
}

async function openCase(page: Page, number: string): Promise<Locator> {
  await page.goto(`/cases/${number}`);
  const drawer = page.getByRole('dialog', { name: new RegExp(number) });
  await expect(drawer.getByRole('heading', { level: 3, name: '处理记录' })).toBeVisible();
  return drawer;
}

/** No serious or critical axe violation inside the dialog that is open. */
async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(blocking.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function save(section: Locator): Promise<void> {
  await section.getByRole('button', { name: '保存' }).click();
  await expect(section.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
}

async function move(drawer: Locator, label: string, column: string): Promise<void> {
  await drawer.getByRole('button', { name: label }).click();
  await expect(drawer.getByText(`已转至「${column}」`)).toBeVisible();
  await expect(drawer.getByText(`当前环节：${column}`)).toBeVisible();
}

test('a complaint travels from intake to closed, each step taken in the drawer by the role that owns it', async ({ browser }) => {
  test.setTimeout(240_000);

  // Customer service takes the call.
  const agent = await desk(browser, 'agent');
  await agent.getByRole('button', { name: '新建投诉' }).click();
  const intake = agent.getByRole('dialog', { name: '新建投诉' });
  await expect(intake.getByLabel('投诉人电话')).toBeFocused();
  await agent.keyboard.type('13900007777');
  await agent.keyboard.press('Tab');
  await expect(intake.getByText('新客户：此前没有该电话的投诉记录。')).toBeVisible();
  await intake.getByLabel('投诉人姓名').fill('周丽');
  await intake.getByLabel('客户类型').selectOption({ label: '理智型' });
  await intake.getByLabel('运单号').fill('SF7700112233');
  await intake.getByLabel('始发地').fill('广州白云分拨中心');
  await intake.getByLabel('目的地').fill('长沙岳麓营业部');
  await intake.getByLabel('声明价值（元）').fill('3200');
  await intake.getByLabel('投诉类别').selectOption({ label: '破损' });
  await intake.getByLabel('严重等级').selectOption({ label: '严重' });
  await intake.getByLabel('标题').fill('笔记本电脑外箱破损，屏幕碎裂');
  await intake.getByLabel('投诉经过').fill('客户签收时发现外箱严重挤压，开箱后笔记本电脑屏幕碎裂，无法使用。');
  await intake.getByLabel('客户索赔金额（元）').fill('3000');
  await intake.getByRole('group', { name: '客户诉求' }).getByRole('checkbox', { name: '赔偿' }).check();
  await expectAccessible(agent);
  await intake.getByLabel('标题').focus();
  await agent.keyboard.press('Control+Enter');

  await expect(agent).toHaveURL(/\/cases\/CP-\d{8}-\d{4}$/);
  const number = new URL(agent.url()).pathname.split('/').pop()!;
  let drawer = agent.getByRole('dialog', { name: `${number} 笔记本电脑外箱破损，屏幕碎裂` });
  await expect(drawer.getByText('当前环节：受理')).toBeVisible();
  await expectAccessible(agent);
  await move(drawer, '提交至「调查核实」', '调查核实');

  // Quality investigates: a move it may not make yet says why, then the verdict, evidence and a note to operations.
  const quality = await desk(browser, 'quality');
  drawer = await openCase(quality, number);
  const toCompensation = drawer.getByRole('button', { name: '提交至「赔偿审批」' });
  await expect(toCompensation).toHaveAttribute('aria-disabled', 'true');
  // Playwright will not click an aria-disabled button; a keyboard user can still press it.
  await toCompensation.press('Enter');
  await expect(drawer.getByRole('alert').filter({ hasText: '无法转至「赔偿审批」' })).toHaveText(
    '无法转至「赔偿审批」，还缺少：调查结论（投诉是否成立）',
  );

  const investigation = drawer.getByRole('region', { name: '调查核实' });
  await investigation.getByLabel('调查结论').selectOption({ label: '投诉成立' });
  await investigation.getByLabel('调查发现').fill('长沙中转时叉车挤压，分拣监控可见外箱受压变形。');
  await save(investigation);
  await expect(drawer.getByRole('region', { name: '处理记录' }).getByText('调查结论：— → 投诉成立')).toBeVisible();

  const evidence = drawer.getByRole('region', { name: '证据' });
  await evidence.getByLabel('文件').setInputFiles({ name: '破损照片.png', mimeType: 'image/png', buffer: PHOTO });
  await evidence.getByLabel('说明').fill('开箱时的屏幕照片');
  await evidence.getByRole('button', { name: '上传证据' }).click();
  await expect(evidence.getByRole('img', { name: '开箱时的屏幕照片' })).toBeVisible();
  await expect(evidence.getByRole('img', { name: '开箱时的屏幕照片' })).toHaveJSProperty('naturalWidth', 1);
  await evidence.getByLabel('文件').setInputFiles({ name: '签收单.pdf', mimeType: 'application/pdf', buffer: RECEIPT });
  await evidence.getByLabel('说明').fill('签收单扫描件');
  await evidence.getByRole('button', { name: '上传证据' }).click();
  const receipt = evidence.locator('object[type="application/pdf"][aria-label="签收单扫描件"]');
  await expect(receipt).toBeVisible();
  const shown = await quality.request.get((await receipt.getAttribute('data'))!);
  expect(shown.headers()['content-type']).toBe('application/pdf');
  expect(shown.headers()['content-disposition']).toMatch(/^inline/);

  const comments = drawer.getByRole('region', { name: '评论' });
  const comment = comments.getByLabel('添加评论');
  await comment.pressSequentially('请 @oper');
  await expect(comments.getByRole('option', { name: /刘强/ })).toBeVisible();
  await comment.press('Enter');
  await comment.pressSequentially('核实长沙中转的分拣记录');
  await expect(comment).toHaveValue('请 @operations 核实长沙中转的分拣记录');
  await comments.getByRole('button', { name: '发送评论' }).click();
  await expect(comments.getByRole('listitem').filter({ hasText: '核实长沙中转的分拣记录' })).toBeVisible();

  await move(drawer, '提交至「赔偿审批」', '赔偿审批');

  // Customer service agrees ¥3,000 with the customer; that is above a supervisor's authority.
  drawer = await openCase(agent, number);
  const remedy = drawer.getByRole('region', { name: '赔偿方案' });
  await remedy.getByRole('checkbox', { name: '赔偿' }).check();
  await remedy.getByLabel('赔偿金额（元）').fill('3000');
  await remedy.getByLabel('客户已同意处理方案').check();
  await save(remedy);
  const approval = drawer.getByRole('region', { name: '赔偿审批' });
  await expect(approval.getByText('赔偿金额 ¥3,000.00，按审批权限需由部门负责人审批。')).toBeVisible();
  await expect(approval.getByRole('button', { name: /批准/ })).toHaveCount(0);
  await expect(drawer.getByText('还缺少：部门负责人审批')).toBeVisible();

  // The department head approves and moves it on.
  const head = await desk(browser, 'head');
  drawer = await openCase(head, number);
  await drawer.getByRole('region', { name: '赔偿审批' }).getByRole('button', { name: '批准 ¥3,000.00' }).click();
  await expect(drawer.getByText('部门负责人：已批准')).toBeVisible();
  await expect(drawer.getByText('审批已完成。')).toBeVisible();
  await expectAccessible(head);
  await drawer.screenshot({ path: path.join(ARTIFACTS, 'drawer.png') });
  await move(drawer, '提交至「整改」', '整改');

  // Operations records the cause and the correction.
  const operations = await desk(browser, 'operations');
  drawer = await openCase(operations, number);
  const corrective = drawer.getByRole('region', { name: '整改措施' });
  await corrective.getByLabel('原因来源').selectOption({ label: '员工操作失误' });
  await corrective.getByLabel('责任方').fill('长沙中转场 夜班装卸组');
  await corrective.getByLabel('责任处理措施').fill('当班叉车司机停岗培训，班组长书面检讨');
  await corrective.getByLabel('预防措施', { exact: true }).fill('电子产品件改为人工搬运并加贴易碎标识');
  await corrective.getByLabel('预防措施负责人').selectOption({ label: '刘强（运作专员）' });
  await corrective.getByLabel('预防措施完成期限').fill('2026-12-15');
  await corrective.getByLabel('补救措施已执行').check();
  await save(corrective);
  await move(drawer, '提交至「回访」', '回访');

  // Customer service calls the customer back and closes the case.
  drawer = await openCase(agent, number);
  const followUp = drawer.getByRole('region', { name: '回访' });
  await followUp.getByLabel('客户是否满意').selectOption({ label: '是' });
  await followUp.getByLabel('满意度评分（1-5）').selectOption('5');
  await followUp.getByLabel('回访记录').fill('客户已收到赔款，对处理速度表示满意。');
  await save(followUp);
  await move(drawer, '提交至「结案」', '结案');
  await expect(drawer.getByText('从「回访」提交至「结案」')).toBeVisible();
});

test('the intake dialog and the drawer are keyboard dialogs: Escape closes them and focus goes back to where it was', async ({ page }) => {
  await logIn(page, 'agent');
  const newComplaint = page.getByRole('button', { name: '新建投诉' });
  await newComplaint.click();
  const intake = page.getByRole('dialog', { name: '新建投诉' });
  await expect(intake).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(intake.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(intake).toHaveCount(0);
  await expect(newComplaint).toBeFocused();
  await expect(page).toHaveURL(/\/$/);

  // Opened from its card, the drawer hands focus back to the card.
  // By number: live events (the SLA watch's, other tests') may reorder the column meanwhile.
  const number = (await page.locator('[data-case-number]').first().getAttribute('data-case-number'))!;
  const card = page.locator(`[data-case-number="${number}"]`);
  await card.focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: new RegExp(number) });
  await expect(drawer.getByRole('button', { name: '关闭' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);
  await expect(card).toBeFocused();

  // Opened from a link, it has no opener to go back to: the case's card takes the focus.
  await openCase(page, number);
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);
  await expect(page).toHaveURL(/\/$/);
  await expect(card).toBeFocused();
});
