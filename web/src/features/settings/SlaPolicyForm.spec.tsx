import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '@app/shared';
import { SlaPolicyForm } from './SlaPolicyForm.js';
import { apiRefusal, stubSettingApi } from './settings-test-kit.js';

const STRICT: SlaPolicy = { ...DEFAULT_SLA_POLICY, general: { firstResponseHours: 12, resolutionHours: 48 } };

async function renderForm(current: SlaPolicy = DEFAULT_SLA_POLICY) {
  const api = stubSettingApi('/settings/sla-policy', current);
  render(<SlaPolicyForm />);
  await screen.findByRole('table', { name: '各严重等级的时限（小时）' });
  return { api, user: userEvent.setup() };
}

const input = (severity: string, target: '首次响应（小时）' | '解决时限（小时）') => screen.getByRole('textbox', { name: `${severity} ${target}` });
const save = () => screen.getByRole('button', { name: '保存' });

async function retype(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.clear(field);
  if (text) await user.type(field, text);
}

describe('the SLA policy form', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the current hours and saves a change with the version it was read at', async () => {
    const { api, user } = await renderForm(STRICT);
    expect(input('一般', '首次响应（小时）')).toHaveValue('12');
    expect(input('严重', '解决时限（小时）')).toHaveValue('24');
    expect(save()).toBeDisabled();

    await retype(user, input('一般', '解决时限（小时）'), '96');
    expect(save()).toBeEnabled();
    await user.click(save());

    expect(await screen.findByRole('status')).toHaveTextContent('已保存，新设置已生效');
    expect(api.puts).toEqual([{ body: { ...STRICT, general: { firstResponseHours: 12, resolutionHours: 96 } }, ifMatch: '"v0"' }]);
    expect(save()).toBeDisabled();
  });

  it('says inline, tied to the input, what the shared schema refuses, and saves nothing while it does', async () => {
    const { api, user } = await renderForm();
    const firstResponse = input('一般', '首次响应（小时）');

    await retype(user, firstResponse, '100');
    expect(firstResponse).toHaveAttribute('aria-invalid', 'true');
    expect(firstResponse).toHaveAccessibleDescription('首次响应时限不能晚于解决时限');

    const resolution = input('重要', '解决时限（小时）');
    await retype(user, resolution, '800');
    expect(resolution).toHaveAccessibleDescription('不能超过 720 小时');
    await retype(user, resolution, '');
    expect(resolution).toHaveAccessibleDescription('必填');
    await retype(user, resolution, '两天');
    expect(resolution).toHaveAccessibleDescription('请输入数字');
    await retype(user, resolution, '0');
    expect(resolution).toHaveAccessibleDescription('必须大于 0');

    await user.click(save());
    expect(screen.getByRole('alert')).toHaveTextContent('请先更正标出的错误');
    expect(resolution).toHaveFocus();
    expect(api.puts).toEqual([]);

    await retype(user, resolution, '48');
    await retype(user, firstResponse, '24');
    expect(firstResponse).not.toHaveAttribute('aria-invalid');
    expect(firstResponse).not.toHaveAccessibleDescription();
  });

  it('shows the server’s refusal and keeps what was typed', async () => {
    const { api, user } = await renderForm();
    api.refuseNextSave(apiRefusal(403, 'FORBIDDEN'));

    await retype(user, input('一般', '解决时限（小时）'), '96');
    await user.click(save());

    expect(await screen.findByRole('alert')).toHaveTextContent('您没有执行此操作的权限');
    expect(input('一般', '解决时限（小时）')).toHaveValue('96');
    expect(api.stored()).toEqual(DEFAULT_SLA_POLICY);
  });

  it('fills the defaults on reset, which still need saving', async () => {
    const { api, user } = await renderForm(STRICT);

    await user.click(screen.getByRole('button', { name: '恢复默认值' }));

    expect(input('一般', '首次响应（小时）')).toHaveValue('24');
    expect(input('一般', '解决时限（小时）')).toHaveValue('72');
    expect(screen.getByRole('status')).toHaveTextContent('已填入默认值，点击“保存”后生效');
    expect(api.puts).toEqual([]);

    await user.click(save());
    await screen.findByText('已保存，新设置已生效');
    expect(api.stored()).toEqual(DEFAULT_SLA_POLICY);
  });

  it('never overwrites another admin’s save unseen: it shows theirs with only the admin’s own change kept', async () => {
    const { api, user } = await renderForm();
    api.savedElsewhere(STRICT);

    await retype(user, input('严重', '首次响应（小时）'), '1');
    await user.click(save());

    expect(await screen.findByRole('alert')).toHaveTextContent('其他管理员刚刚保存了此设置，您的修改尚未保存。');
    expect(api.stored()).toEqual(STRICT);
    expect(input('严重', '首次响应（小时）')).toHaveValue('1');
    expect(input('一般', '解决时限（小时）')).toHaveValue('48');

    await user.click(save());
    await screen.findByText('已保存，新设置已生效');
    expect(api.puts.at(-1)).toEqual({ body: { ...STRICT, serious: { firstResponseHours: 1, resolutionHours: 24 } }, ifMatch: '"v1"' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the other admin’s values when the admin drops their own after a conflict', async () => {
    const { api, user } = await renderForm();
    api.savedElsewhere(STRICT);

    await retype(user, input('严重', '首次响应（小时）'), '1');
    await user.click(save());
    await user.click(await screen.findByRole('button', { name: '放弃我的修改，显示最新设置' }));

    expect(input('严重', '首次响应（小时）')).toHaveValue('2');
    expect(input('一般', '解决时限（小时）')).toHaveValue('48');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(save()).toBeDisabled();
  });
});
