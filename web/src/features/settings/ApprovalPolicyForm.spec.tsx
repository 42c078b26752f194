import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_APPROVAL_POLICY, type ApprovalPolicy } from '@app/shared';
import { ApprovalPolicyForm } from './ApprovalPolicyForm.js';
import { apiRefusal, stubSettingApi } from './settings-test-kit.js';

const RAISED: ApprovalPolicy = {
  ...DEFAULT_APPROVAL_POLICY,
  tiers: [
    { upTo: 1000, approvers: ['cs_supervisor'] },
    { upTo: null, approvers: ['legal', 'department_head'] },
  ],
};

async function renderForm(current: ApprovalPolicy = DEFAULT_APPROVAL_POLICY) {
  const api = stubSettingApi('/settings/approval-policy', current);
  render(<ApprovalPolicyForm />);
  await screen.findByRole('table', { name: '审批权限档位' });
  return { api, user: userEvent.setup() };
}

const row = (tier: number) => screen.getByRole('row', { name: new RegExp(`^第 ${tier} 档`) });
const limit = (tier: number) => screen.getByRole('textbox', { name: `第 ${tier} 档 金额上限（元）` });
const roles = (tier: number) => screen.getByRole('group', { name: `第 ${tier} 档 须审批的角色（全部）` });
const save = () => screen.getByRole('button', { name: '保存' });

describe('the approval authority form', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows each tier’s ceiling, the amounts it covers in yuan, and who must approve', async () => {
    await renderForm();
    expect(limit(1)).toHaveValue('500');
    expect(limit(2)).toHaveValue('5000');
    expect(within(row(1)).getByText('不超过 ¥500.00')).toBeVisible();
    expect(within(row(2)).getByText('超过 ¥500.00，不超过 ¥5,000.00')).toBeVisible();
    expect(within(row(3)).getByText('超过 ¥5,000.00')).toBeVisible();
    expect(within(row(3)).getByText('无上限')).toBeVisible();
    expect(within(roles(3)).getByRole('checkbox', { name: '法务专员' })).toBeChecked();
    expect(within(roles(3)).getByRole('checkbox', { name: '部门负责人' })).toBeChecked();
    expect(within(roles(3)).getByRole('checkbox', { name: '客服主管' })).not.toBeChecked();
    expect(save()).toBeDisabled();
  });

  it('says inline, tied to the input, what the shared schema refuses', async () => {
    const { api, user } = await renderForm();

    await user.clear(limit(2));
    await user.type(limit(2), '300');
    expect(limit(2)).toHaveAttribute('aria-invalid', 'true');
    expect(limit(2)).toHaveAccessibleDescription('须高于上一档的上限');

    await user.clear(limit(1));
    await user.type(limit(1), '12.345');
    expect(limit(1)).toHaveAccessibleDescription('最多保留两位小数');
    await user.clear(limit(1));
    await user.type(limit(1), '0');
    expect(limit(1)).toHaveAccessibleDescription('必须大于 0');
    await user.clear(limit(1));
    await user.type(limit(1), '20000000');
    expect(limit(1)).toHaveAccessibleDescription('不能超过 ¥10,000,000.00');

    await user.click(within(roles(1)).getByRole('checkbox', { name: '客服主管' }));
    expect(roles(1)).toHaveAccessibleDescription('至少选择一个角色');

    await user.click(save());
    expect(limit(1)).toHaveFocus();
    expect(api.puts).toEqual([]);
  });

  it('saves a changed ceiling and a new tier, keeping who stands in for whom', async () => {
    const { api, user } = await renderForm();

    await user.clear(limit(1));
    await user.type(limit(1), '800');
    await user.click(screen.getByRole('button', { name: '增加一档' }));
    await user.type(limit(3), '20000');
    await user.click(within(roles(3)).getByRole('checkbox', { name: '部门负责人' }));
    expect(within(row(4)).getByText('超过 ¥20,000.00')).toBeVisible();
    await user.click(save());

    expect(await screen.findByRole('status')).toHaveTextContent('已保存，新设置已生效');
    expect(api.puts).toEqual([
      {
        body: {
          tiers: [
            { upTo: 800, approvers: ['cs_supervisor'] },
            { upTo: 5000, approvers: ['department_head'] },
            { upTo: 20000, approvers: ['department_head'] },
            { upTo: null, approvers: ['legal', 'department_head'] },
          ],
          seniority: DEFAULT_APPROVAL_POLICY.seniority,
        },
        ifMatch: '"v0"',
      },
    ]);
  });

  it('makes the tier below the top one open-ended when the top one is removed', async () => {
    const { api, user } = await renderForm();

    await user.click(screen.getByRole('button', { name: '删除第 3 档' }));
    expect(within(row(2)).getByText('无上限')).toBeVisible();
    await user.click(save());

    await screen.findByText('已保存，新设置已生效');
    expect(api.stored().tiers).toEqual([
      { upTo: 500, approvers: ['cs_supervisor'] },
      { upTo: null, approvers: ['department_head'] },
    ]);
  });

  it('shows the server’s refusal in the reader’s words', async () => {
    const { api, user } = await renderForm();
    api.refuseNextSave(apiRefusal(400, 'VALIDATION_FAILED'));

    await user.clear(limit(1));
    await user.type(limit(1), '600');
    await user.click(save());

    expect(await screen.findByRole('alert')).toHaveTextContent('提交的内容有误，请检查后重试');
    expect(limit(1)).toHaveValue('600');
  });

  it('fills the default tiers on reset, which still need saving', async () => {
    const { api, user } = await renderForm(RAISED);
    expect(screen.getAllByRole('row')).toHaveLength(3);

    await user.click(screen.getByRole('button', { name: '恢复默认值' }));

    expect(limit(1)).toHaveValue('500');
    expect(limit(2)).toHaveValue('5000');
    expect(screen.getByRole('status')).toHaveTextContent('已填入默认值，点击“保存”后生效');
    expect(api.puts).toEqual([]);

    await user.click(save());
    await screen.findByText('已保存，新设置已生效');
    expect(api.stored()).toEqual(DEFAULT_APPROVAL_POLICY);
  });
});
