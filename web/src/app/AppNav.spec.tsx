import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PEOPLE, renderSignedIn } from '../features/case-drawer/drawer-test-kit.js';
import { AppNav } from './AppNav.js';

describe('the main navigation', () => {
  it('gives an admin the settings and user management', () => {
    renderSignedIn(PEOPLE.admin, <AppNav user={PEOPLE.admin} />);
    const links = screen.getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')]);
    expect(links).toEqual([
      ['看板', '/'],
      ['系统设置', '/settings'],
      ['用户管理', '/users'],
    ]);
  });

  it('leaves user management out for everyone else', () => {
    renderSignedIn(PEOPLE.head, <AppNav user={PEOPLE.head} />);
    expect(screen.getByRole('navigation', { name: '主导航' })).toBeVisible();
    expect(screen.queryByRole('link', { name: '用户管理' })).toBeNull();
  });
});
