import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserAccount } from '@app/shared';
import { apiError, fakeServer, json, PEOPLE, renderSignedIn } from '../case-drawer/drawer-test-kit.js';
import { UsersPage } from './UsersPage.js';

const ACCOUNTS: UserAccount[] = [
  { ...PEOPLE.admin, active: true },
  { ...PEOPLE.agent, active: true },
  { ...PEOPLE.legal, active: false },
];
const LIST = 'GET /api/users?includeInactive=true';

describe('the user management page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('tells anyone but an admin that they may not, without asking the server', () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    renderSignedIn(PEOPLE.head, <UsersPage />, '/users');
    expect(screen.getByText('您没有查看此页面的权限：用户管理仅限管理员。')).toBeVisible();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('lists every account with role, department and status; the admin cannot deactivate themselves', async () => {
    fakeServer({ [LIST]: json(200, ACCOUNTS) });
    renderSignedIn(PEOPLE.admin, <UsersPage />, '/users');
    const table = await screen.findByRole('table', { name: '全部用户' });
    const legal = within(table).getByRole('row', { name: /陈静/ });
    expect(within(legal).getByRole('cell', { name: '法务专员' })).toBeVisible();
    expect(within(legal).getByRole('cell', { name: '已停用' })).toBeVisible();
    expect(within(legal).getByRole('button', { name: '启用 陈静' })).toBeVisible();
    const own = within(table).getByRole('row', { name: /孙丽（您）/ });
    expect(within(own).queryByRole('button', { name: /停用/ })).toBeNull();
  });

  it('adds a user, checking the fields with the shared schema before anything is sent', async () => {
    const created: UserAccount = { id: '00000000-0000-4000-8000-000000000099', username: 'qianxh', displayName: '钱小红', role: 'cs_agent', department: 'customer_service', active: true };
    const { sent } = fakeServer({ [LIST]: [json(200, ACCOUNTS), json(200, [...ACCOUNTS, created])], 'POST /api/users': json(201, created) });
    const { user } = renderSignedIn(PEOPLE.admin, <UsersPage />, '/users');
    await user.click(await screen.findByRole('button', { name: '新增用户' }));
    const dialog = screen.getByRole('dialog', { name: '新增用户' });

    await user.type(within(dialog).getByLabelText('用户名'), 'Qian.X');
    await user.type(within(dialog).getByLabelText('初始密码'), 'short');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(within(dialog).getByLabelText('用户名')).toHaveAccessibleDescription(/须为 3–32 位小写字母或数字/);
    expect(within(dialog).getByLabelText('初始密码')).toHaveAccessibleDescription(/密码至少 8 位/);
    expect(within(dialog).getByLabelText('姓名')).toHaveAttribute('aria-invalid', 'true');
    expect(sent('POST', '/api/users')).toEqual([]);

    await user.clear(within(dialog).getByLabelText('用户名'));
    await user.type(within(dialog).getByLabelText('用户名'), 'qianxh');
    await user.type(within(dialog).getByLabelText('姓名'), '钱小红');
    await user.type(within(dialog).getByLabelText('初始密码'), '-2026-ok');
    await user.selectOptions(within(dialog).getByLabelText('部门'), 'customer_service');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent('POST', '/api/users')).toEqual([
      { username: 'qianxh', displayName: '钱小红', role: 'cs_agent', department: 'customer_service', password: 'short-2026-ok' },
    ]);
    expect(await screen.findByRole('row', { name: /钱小红/ })).toBeVisible();
  });

  it('shows the server’s refusal of a taken username in the dialog', async () => {
    fakeServer({ [LIST]: json(200, ACCOUNTS), 'POST /api/users': apiError(409, 'USERNAME_TAKEN') });
    const { user } = renderSignedIn(PEOPLE.admin, <UsersPage />, '/users');
    await user.click(await screen.findByRole('button', { name: '新增用户' }));
    const dialog = screen.getByRole('dialog', { name: '新增用户' });
    await user.type(within(dialog).getByLabelText('用户名'), 'agent');
    await user.type(within(dialog).getByLabelText('姓名'), '王晓燕');
    await user.type(within(dialog).getByLabelText('初始密码'), 'long-enough');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('该用户名已被使用');
  });

  it('edits a user; in their own row an admin cannot change their role', async () => {
    const { sent } = fakeServer({ [LIST]: json(200, ACCOUNTS), [`PATCH /api/users/${PEOPLE.agent.id}`]: json(200, { ...ACCOUNTS[1], department: 'quality' }) });
    const { user } = renderSignedIn(PEOPLE.admin, <UsersPage />, '/users');
    await user.click(await screen.findByRole('button', { name: '编辑 孙丽' }));
    expect(within(screen.getByRole('dialog', { name: '编辑用户：孙丽' })).getByLabelText('角色')).toBeDisabled();
    await user.click(screen.getByRole('button', { name: '取消' }));

    await user.click(screen.getByRole('button', { name: '编辑 王晓燕' }));
    const dialog = screen.getByRole('dialog', { name: '编辑用户：王晓燕' });
    await user.selectOptions(within(dialog).getByLabelText('部门'), 'quality');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(sent('PATCH', `/api/users/${PEOPLE.agent.id}`)).toEqual([{ displayName: '王晓燕', role: 'cs_agent', department: 'quality' }]));
  });

  it('deactivates a user and reloads the list', async () => {
    const { sent } = fakeServer({
      [LIST]: [json(200, ACCOUNTS), json(200, [ACCOUNTS[0], { ...ACCOUNTS[1], active: false }, ACCOUNTS[2]])],
      [`PATCH /api/users/${PEOPLE.agent.id}`]: json(200, { ...ACCOUNTS[1], active: false }),
    });
    const { user } = renderSignedIn(PEOPLE.admin, <UsersPage />, '/users');
    await user.click(await screen.findByRole('button', { name: '停用 王晓燕' }));
    expect(await screen.findByRole('button', { name: '启用 王晓燕' })).toBeVisible();
    expect(sent('PATCH', `/api/users/${PEOPLE.agent.id}`)).toEqual([{ active: false }]);
  });

  it('resets a password and says the user is signed out', async () => {
    const { sent } = fakeServer({ [LIST]: json(200, ACCOUNTS), [`POST /api/users/${PEOPLE.agent.id}/password`]: new Response(null, { status: 204 }) });
    const { user } = renderSignedIn(PEOPLE.admin, <UsersPage />, '/users');
    await user.click(await screen.findByRole('button', { name: '重置密码 王晓燕' }));
    const dialog = screen.getByRole('dialog', { name: '重置密码：王晓燕' });
    await user.type(within(dialog).getByLabelText('新密码'), 'reset-2026');
    await user.click(within(dialog).getByRole('button', { name: '确认' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('密码已重置');
    expect(sent('POST', `/api/users/${PEOPLE.agent.id}/password`)).toEqual([{ password: 'reset-2026' }]);
  });
});
