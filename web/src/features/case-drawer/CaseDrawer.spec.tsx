import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseDetail, UserSummary } from '@app/shared';
import { CaseDrawer } from './CaseDrawer.js';
import { apiError, caseDetail, fakeServer, json, PEOPLE, renderSignedIn } from './drawer-test-kit.js';

const CASE_URL = '/api/cases/CP-20261123-0042';
const PATCH_URL = '/api/cases/0b0f1f1e-8a6f-4f53-9a55-1c1a5f0a0042';

async function openDrawer(user: UserSummary, detail: CaseDetail, routes: Parameters<typeof fakeServer>[0] = {}) {
  const server = fakeServer({ [`GET ${CASE_URL}`]: json(200, detail), ...routes });
  const onClose = vi.fn();
  const view = renderSignedIn(user, <CaseDrawer number={detail.number} onClose={onClose} />);
  await screen.findByRole('heading', { level: 2, name: `${detail.number} ${detail.title}` });
  return { ...view, ...server, onClose };
}

const region = (name: string) => screen.getByRole('region', { name });

describe('CaseDrawer', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is a labelled modal dialog that keeps focus inside and closes on Escape', async () => {
    const { user, onClose } = await openDrawer(PEOPLE.agent, caseDetail());
    const dialog = screen.getByRole('dialog', { name: /CP-20261123-0042/ });
    expect(dialog).toHaveAttribute('aria-modal', 'true');

    const close = within(dialog).getByRole('button', { name: '关闭' });
    expect(close).toHaveFocus();
    await user.tab({ shift: true });
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    expect(close).not.toHaveFocus();
    await user.tab();
    expect(close).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('checks fields inline with the shared schema and sends nothing while one is refused', async () => {
    const { user, sent } = await openDrawer(PEOPLE.agent, caseDetail());
    const customer = region('投诉人');
    const phone = within(customer).getByLabelText(/投诉人电话/);
    await user.clear(phone);
    await user.type(phone, 'abc');
    await user.tab();
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone).toHaveAccessibleDescription('请输入有效的电话号码（6-20 位数字）');

    const name = within(customer).getByLabelText(/投诉人姓名/);
    await user.clear(name);
    await user.click(within(customer).getByRole('button', { name: '保存' }));
    expect(name).toHaveAccessibleDescription('必填');
    expect(name).toHaveFocus();
    expect(sent('PATCH', PATCH_URL)).toEqual([]);
  });

  it('saves only the changed fields, with the version the form was filled against', async () => {
    const detail = caseDetail();
    const { user, sent } = await openDrawer(PEOPLE.agent, detail, {
      [`PATCH ${PATCH_URL}`]: json(200, { ...detail, version: 4, shipment: { ...detail.shipment, origin: '上海松江' } }),
    });
    const shipment = region('运单信息');
    await user.clear(within(shipment).getByLabelText(/始发地/));
    await user.type(within(shipment).getByLabelText(/始发地/), '上海松江');
    await user.click(within(shipment).getByRole('button', { name: '保存' }));
    expect(await within(shipment).findByText('已保存')).toBeInTheDocument();
    expect(sent('PATCH', PATCH_URL)).toEqual([{ version: 3, shipment: { origin: '上海松江' } }]);
  });

  it("on a version conflict shows the colleague's values next to the user's and re-applies on request", async () => {
    const detail = caseDetail();
    const theirs = { ...detail, version: 4, title: '生鲜包裹延误，客户要求退运费' };
    const mine = { ...detail, version: 5, title: '生鲜包裹延误三天，货物变质' };
    const { user, sent } = await openDrawer(PEOPLE.agent, detail, {
      [`PATCH ${PATCH_URL}`]: [apiError(409, 'VERSION_CONFLICT', { details: { current: theirs } }), json(200, mine)],
    });
    const complaint = region('投诉概况');
    const title = within(complaint).getByLabelText(/标题/);
    await user.clear(title);
    await user.type(title, '生鲜包裹延误三天，货物变质');
    await user.click(within(complaint).getByRole('button', { name: '保存' }));

    const conflict = await within(complaint).findByRole('alert');
    const row = within(conflict).getByRole('row', { name: /标题/ });
    expect(within(row).getByText('生鲜包裹延误，客户要求退运费')).toBeInTheDocument();
    expect(within(row).getByText('生鲜包裹延误三天，货物变质')).toBeInTheDocument();

    await user.click(within(conflict).getByRole('button', { name: '重新应用我的修改' }));
    expect(await within(complaint).findByText('已保存')).toBeInTheDocument();
    expect(sent('PATCH', PATCH_URL)).toEqual([
      { version: 3, title: '生鲜包裹延误三天，货物变质' },
      { version: 4, title: '生鲜包裹延误三天，货物变质' },
    ]);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('生鲜包裹延误三天，货物变质');
  });

  it("keeps the colleague's values on request, dropping the unsaved change", async () => {
    const detail = caseDetail();
    const theirs = { ...detail, version: 4, title: '生鲜包裹延误，客户要求退运费' };
    const { user, sent } = await openDrawer(PEOPLE.agent, detail, {
      [`PATCH ${PATCH_URL}`]: apiError(409, 'VERSION_CONFLICT', { details: { current: theirs } }),
    });
    const complaint = region('投诉概况');
    await user.type(within(complaint).getByLabelText(/标题/), '！');
    await user.click(within(complaint).getByRole('button', { name: '保存' }));
    await user.click(await within(complaint).findByRole('button', { name: '放弃我的修改，保留当前值' }));
    expect(within(complaint).getByLabelText(/标题/)).toHaveValue('生鲜包裹延误，客户要求退运费');
    expect(within(complaint).queryByRole('alert')).not.toBeInTheDocument();
    expect(sent('PATCH', PATCH_URL)).toHaveLength(1);
  });

  describe('shows each part read-only to the roles and steps that may not change it', () => {
    it('quality in investigation edits the verdict but only reads the intake record', async () => {
      await openDrawer(PEOPLE.quality, caseDetail({ column: 'investigation' }));
      const complaint = region('投诉概况');
      expect(within(complaint).queryByRole('textbox')).not.toBeInTheDocument();
      expect(within(complaint).getByText('您的角色只能查看这部分内容。')).toBeInTheDocument();
      expect(within(complaint).getByText('生鲜包裹延误三天')).toBeInTheDocument();
      expect(within(region('调查核实')).getByRole('combobox', { name: '调查结论' })).toBeEnabled();
    });

    it('customer service only reads the investigation', async () => {
      await openDrawer(PEOPLE.agent, caseDetail({ column: 'investigation' }));
      const investigation = region('调查核实');
      expect(within(investigation).queryByRole('combobox')).not.toBeInTheDocument();
      expect(within(investigation).getByText('您的角色只能查看这部分内容。')).toBeInTheDocument();
      expect(within(region('投诉概况')).getByRole('textbox', { name: /标题/ })).toBeInTheDocument();
    });

    it('quality cannot record a verdict before the case reaches investigation', async () => {
      await openDrawer(PEOPLE.quality, caseDetail({ column: 'intake' }));
      const investigation = region('调查核实');
      expect(within(investigation).queryByRole('combobox')).not.toBeInTheDocument();
      expect(within(investigation).getByText('这部分内容只能在以下环节修改：调查核实。')).toBeInTheDocument();
    });
  });

  describe('approval panel', () => {
    const proposal = (amount: number, proposedBy = PEOPLE.agent.id) =>
      caseDetail({
        column: 'compensation',
        investigation: { verdict: 'substantiated' },
        compensation: { remedies: ['compensation'], amount, customerAgreed: true, proposedBy },
      });

    it.each([
      [300, '客服主管'],
      [3000, '部门负责人'],
      [8000, '法务专员、部门负责人'],
    ])('names the tier ¥%s needs: %s', async (amount, approvers) => {
      await openDrawer(PEOPLE.head, proposal(amount));
      const panel = region('赔偿审批');
      const money = `¥${amount.toLocaleString('en')}.00`;
      expect(within(panel).getByText(`赔偿金额 ${money}，按审批权限需由${approvers}审批。`)).toBeInTheDocument();
    });

    it.each([
      ['the department head', PEOPLE.head, true],
      ['the agent who proposed it', PEOPLE.agent, false],
      ['a supervisor, above ¥500', PEOPLE.supervisor, false],
      ['legal, below ¥5,000', PEOPLE.legal, false],
      ['operations', PEOPLE.operations, false],
    ])('offers Approve and Reject of ¥3,000 to %s: %s', async (_who, person, offered) => {
      await openDrawer(person, proposal(3000));
      const panel = region('赔偿审批');
      expect(within(panel).queryByRole('button', { name: '批准 ¥3,000.00' }) !== null).toBe(offered);
      expect(within(panel).queryByRole('button', { name: '驳回' }) !== null).toBe(offered);
    });

    it('tells a supervisor who proposed ¥300 that someone else has to decide', async () => {
      await openDrawer(PEOPLE.supervisor, proposal(300, PEOPLE.supervisor.id));
      const panel = region('赔偿审批');
      expect(within(panel).getByText('该金额由您提出，需由其他有权限的同事审批。')).toBeInTheDocument();
      expect(within(panel).queryByRole('button', { name: /批准/ })).not.toBeInTheDocument();
    });

    it('asks for a reason before it sends a rejection', async () => {
      const detail = proposal(3000);
      const rejected = {
        ...detail,
        approvals: [
          {
            id: '9e0f1f1e-8a6f-4f53-9a55-1c1a5f0a0001',
            approverId: PEOPLE.head.id,
            approverRole: 'department_head',
            decision: 'rejected' as const,
            amount: 3000,
            reason: '金额超出货值',
            decidedAt: '2026-11-23T05:00:00.000Z',
            voidedAt: null,
          },
        ],
      };
      const { user, sent } = await openDrawer(PEOPLE.head, detail, { [`POST ${PATCH_URL}/approvals`]: json(201, rejected) });
      const panel = region('赔偿审批');
      await user.click(within(panel).getByRole('button', { name: '驳回' }));
      const reason = within(panel).getByLabelText('驳回原因');
      await user.click(within(panel).getByRole('button', { name: '确认驳回' }));
      expect(reason).toHaveAttribute('aria-invalid', 'true');
      expect(sent('POST', `${PATCH_URL}/approvals`)).toEqual([]);

      await user.type(reason, '金额超出货值');
      await user.click(within(panel).getByRole('button', { name: '确认驳回' }));
      expect(await within(panel).findByText('当前金额已被驳回：请修改方案金额，或退回调查核实。')).toBeInTheDocument();
      expect(sent('POST', `${PATCH_URL}/approvals`)).toEqual([{ decision: 'rejected', amount: 3000, reason: '金额超出货值' }]);
      expect(within(panel).queryByRole('button', { name: '驳回' })).not.toBeInTheDocument();
    });
  });

  it('says in words what a move still lacks and does not send it', async () => {
    const { user, sent } = await openDrawer(PEOPLE.quality, caseDetail({ column: 'investigation' }));
    const moves = region('流转');
    const toCompensation = within(moves).getByRole('button', { name: '提交至「赔偿审批」' });
    expect(toCompensation).toHaveAttribute('aria-disabled', 'true');
    expect(toCompensation).toHaveAccessibleDescription('还缺少：调查结论（投诉是否成立）');
    await user.click(toCompensation);
    expect(within(moves).getByRole('alert')).toHaveTextContent('无法转至「赔偿审批」，还缺少：调查结论（投诉是否成立）');
    expect(sent('POST', `${PATCH_URL}/transitions`)).toEqual([]);
  });
});
