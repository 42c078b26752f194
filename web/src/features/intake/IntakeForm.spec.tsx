import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, caseDetail, fakeServer, json, PEOPLE, renderSignedIn } from '../case-drawer/drawer-test-kit.js';
import { IntakeForm } from './IntakeForm.js';
import { NewComplaintButton } from './NewComplaintButton.js';

const REQUIRED = ['投诉人电话', '投诉人姓名', '运单号', '始发地', '目的地', '投诉类别', '严重等级', '标题', '投诉经过'];

function renderIntake(routes: Parameters<typeof fakeServer>[0] = {}) {
  const server = fakeServer(routes);
  const onCreated = vi.fn();
  const view = renderSignedIn(PEOPLE.agent, <IntakeForm onCreated={onCreated} onCancel={() => undefined} />);
  const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}`));
  return { ...view, ...server, onCreated, field };
}

describe('IntakeForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('marks every required field that is blank, focuses the first, and sends nothing', async () => {
    const { user, field, sent } = renderIntake();
    await user.click(screen.getByRole('button', { name: '提交投诉' }));
    for (const label of REQUIRED) {
      expect(field(label), label).toHaveAttribute('aria-invalid', 'true');
      expect(field(label), label).toHaveAccessibleDescription('必填');
    }
    expect(field('投诉渠道')).not.toHaveAttribute('aria-invalid');
    expect(field('投诉人电话')).toHaveFocus();
    expect(screen.getByText(`有 ${REQUIRED.length} 项需要修改，请查看标红的字段。`)).toBeInTheDocument();
    expect(sent('POST', '/api/cases')).toEqual([]);
  });

  it('checks a field against the shared schema as soon as the agent leaves it', async () => {
    const { user, field } = renderIntake();
    await user.type(field('运单号'), '运单12');
    await user.tab();
    expect(field('运单号')).toHaveAccessibleDescription('运单号为 6-32 位字母、数字或连字符');
    expect(field('始发地')).not.toHaveAttribute('aria-invalid');
  });

  it('looks a returning caller up by phone, fills in name and type, and flags the repeat complainer', async () => {
    const { user, field } = renderIntake({
      'GET /api/customers/lookup?phone=13800138000': json(200, {
        customer: { id: '5d8a1f1e-8a6f-4f53-9a55-1c1a5f0a0001', name: '王芳', phone: '13800138000', email: null, company: null, type: 'negotiator' },
        cases: [
          { id: '0b0f1f1e-8a6f-4f53-9a55-1c1a5f0a0007', number: 'CP-20261101-0007', title: '包裹破损', column: 'closed', category: 'damaged', createdAt: '2026-11-01T02:00:00.000Z' },
        ],
      }),
    });
    await user.type(field('投诉人电话'), '13800138000');
    await user.tab();
    expect(await screen.findByText('重复投诉客户')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'CP-20261101-0007' })).toHaveAttribute('target', '_blank');
    expect(field('投诉人姓名')).toHaveValue('王芳');
    expect(field('客户类型')).toHaveValue('negotiator');
  });

  it('keeps a name the agent already typed when the lookup finds the customer', async () => {
    const { user, field } = renderIntake({
      'GET /api/customers/lookup?phone=13800138000': json(200, {
        customer: { id: '5d8a1f1e-8a6f-4f53-9a55-1c1a5f0a0001', name: '王芳', phone: '13800138000', email: null, company: null, type: 'victim' },
        cases: [],
      }),
    });
    await user.type(field('投诉人姓名'), '王女士');
    await user.type(field('投诉人电话'), '13800138000');
    await user.tab();
    expect(await screen.findByText('该客户此前没有投诉记录。')).toBeInTheDocument();
    expect(field('投诉人姓名')).toHaveValue('王女士');
    expect(field('客户类型')).toHaveValue('victim');
  });

  it('says so for a first-time caller', async () => {
    const { user, field } = renderIntake({ 'GET /api/customers/lookup?phone=13900001111': apiError(404, 'CUSTOMER_NOT_FOUND') });
    await user.type(field('投诉人电话'), '13900001111');
    await user.tab();
    expect(await screen.findByText('新客户：此前没有该电话的投诉记录。')).toBeInTheDocument();
    expect(field('投诉人姓名')).toHaveValue('');
  });

  it('warns when the waybill already has an open case', async () => {
    const { user, field } = renderIntake({
      'GET /api/cases/open-by-waybill?waybill=SF1400000001': json(200, [
        { id: '0b0f1f1e-8a6f-4f53-9a55-1c1a5f0a0042', number: 'CP-20261123-0042', title: '生鲜包裹延误三天', column: 'investigation', customerName: '王芳', createdAt: '2026-11-23T01:00:00.000Z' },
      ]),
    });
    await user.type(field('运单号'), 'SF1400000001');
    await user.tab();
    const warning = await screen.findByText('注意：该运单已有 1 个未结案的投诉，请确认是否为同一问题。');
    const alert = warning.closest('[role="alert"]') as HTMLElement;
    expect(within(alert).getByRole('link', { name: 'CP-20261123-0042' })).toBeInTheDocument();
    expect(alert).toHaveTextContent('调查核实');
  });

  it('submits a complete complaint with Ctrl+Enter and hands over the created case', async () => {
    const created = caseDetail();
    const { user, field, sent, onCreated } = renderIntake({ 'POST /api/cases': json(201, created) });
    await user.type(field('投诉人电话'), '13900001111');
    await user.type(field('投诉人姓名'), '李娜');
    await user.type(field('运单号'), 'SF1400000009');
    await user.type(field('始发地'), '深圳宝安');
    await user.type(field('目的地'), '北京朝阳');
    await user.selectOptions(field('投诉类别'), '破损');
    await user.selectOptions(field('严重等级'), '重要');
    await user.type(field('标题'), '外箱破损，内物摔坏');
    await user.type(field('投诉经过'), '签收时发现外箱破损，瓷器碎裂。');
    await user.type(field('客户索赔金额（元）'), '450');
    await user.click(screen.getByRole('checkbox', { name: '赔偿' }));
    await user.keyboard('{Control>}{Enter}{/Control}');

    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledWith(created));
    expect(sent('POST', '/api/cases')).toEqual([
      {
        title: '外箱破损，内物摔坏',
        channel: 'phone',
        category: 'damaged',
        severity: 'important',
        customer: { name: '李娜', phone: '13900001111', email: null, company: null, type: null },
        shipment: { waybill: 'SF1400000009', origin: '深圳宝安', destination: '北京朝阳', orderNumber: null, declaredValue: null },
        facts: { description: '签收时发现外箱破损，瓷器碎裂。', occurredAt: null, location: null },
        claim: { amount: 450, remedies: ['compensation'], note: null },
      },
    ]);
  });
});

describe('NewComplaintButton', () => {
  it.each([
    ['agent', PEOPLE.agent, true],
    ['supervisor', PEOPLE.supervisor, true],
    ['head', PEOPLE.head, true],
    ['quality', PEOPLE.quality, false],
    ['operations', PEOPLE.operations, false],
    ['legal', PEOPLE.legal, false],
  ])('shown to %s: %s', (_username, person, shown) => {
    renderSignedIn(person, <NewComplaintButton />);
    expect(screen.queryByRole('button', { name: '新建投诉' }) !== null).toBe(shown);
  });
});
