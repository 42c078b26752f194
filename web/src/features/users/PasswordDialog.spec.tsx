import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, fakeServer, PEOPLE, renderSignedIn } from '../case-drawer/drawer-test-kit.js';
import { UserMenu } from '../auth/UserMenu.js';

describe('changing one’s own password from the user menu', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the current and the new password, then says the other sessions are signed out', async () => {
    const { sent } = fakeServer({ 'POST /api/auth/password': new Response(null, { status: 204 }) });
    const { user } = renderSignedIn(PEOPLE.agent, <UserMenu user={PEOPLE.agent} />);
    await user.click(screen.getByRole('button', { name: '修改密码' }));
    const dialog = screen.getByRole('dialog', { name: '修改密码' });
    await user.type(within(dialog).getByLabelText('当前密码'), 'demo1234');
    await user.type(within(dialog).getByLabelText('新密码'), 'xinmima-2026');
    await user.click(within(dialog).getByRole('button', { name: '确认' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('密码已修改');
    expect(sent('POST', '/api/auth/password')).toEqual([{ currentPassword: 'demo1234', newPassword: 'xinmima-2026' }]);
    await user.click(within(dialog).getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('marks a short new password inline once the field is left, and sends nothing', async () => {
    const { sent } = fakeServer({});
    const { user } = renderSignedIn(PEOPLE.agent, <UserMenu user={PEOPLE.agent} />);
    await user.click(screen.getByRole('button', { name: '修改密码' }));
    const dialog = screen.getByRole('dialog', { name: '修改密码' });
    await user.type(within(dialog).getByLabelText('新密码'), 'short');
    expect(within(dialog).getByLabelText('新密码')).not.toHaveAttribute('aria-invalid');
    await user.tab();
    expect(within(dialog).getByLabelText('新密码')).toHaveAccessibleDescription(/至少 8 位.*密码至少 8 位/);
    await user.click(within(dialog).getByRole('button', { name: '确认' }));
    expect(within(dialog).getByLabelText('当前密码')).toHaveAccessibleDescription('请输入当前密码');
    expect(sent('POST', '/api/auth/password')).toEqual([]);
  });

  it('shows a wrong current password as the server words it', async () => {
    fakeServer({ 'POST /api/auth/password': apiError(403, 'WRONG_PASSWORD') });
    const { user } = renderSignedIn(PEOPLE.agent, <UserMenu user={PEOPLE.agent} />);
    await user.click(screen.getByRole('button', { name: '修改密码' }));
    const dialog = screen.getByRole('dialog', { name: '修改密码' });
    await user.type(within(dialog).getByLabelText('当前密码'), 'guess-one');
    await user.type(within(dialog).getByLabelText('新密码'), 'xinmima-2026');
    await user.click(within(dialog).getByRole('button', { name: '确认' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('当前密码不正确');
  });
});
