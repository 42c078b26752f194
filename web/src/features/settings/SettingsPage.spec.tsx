import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_APPROVAL_POLICY, DEFAULT_SLA_POLICY } from '@app/shared';
import { json, PEOPLE, renderSignedIn } from '../case-drawer/drawer-test-kit.js';
import { SettingsPage } from './SettingsPage.js';

describe('the settings page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('tells anyone but an admin that they may not, without asking the server for anything', () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    renderSignedIn(PEOPLE.head, <SettingsPage />, '/settings');

    expect(screen.getByRole('heading', { level: 2, name: '系统设置' })).toBeVisible();
    expect(screen.getByText('您没有查看此页面的权限：系统设置仅限管理员修改。')).toBeVisible();
    expect(screen.queryByRole('form')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('gives an admin both forms', async () => {
    vi.stubGlobal('fetch', async (url: string) => json(200, url.endsWith('sla-policy') ? DEFAULT_SLA_POLICY : DEFAULT_APPROVAL_POLICY));
    renderSignedIn(PEOPLE.admin, <SettingsPage />, '/settings');

    expect(await screen.findByRole('form', { name: '审批权限' })).toBeVisible();
    expect(await screen.findByRole('form', { name: '时限标准' })).toBeVisible();
  });
});
