import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ERROR_MESSAGES, type ErrorCode, type UserSummary } from '@app/shared';
import { AuthProvider } from './AuthProvider.js';
import { LoginPage } from './LoginPage.js';
import { UserMenu } from './UserMenu.js';
import { useSession } from './use-session.js';

const agent: UserSummary = {
  id: '7d0c2a52-51c6-4a39-9a0e-3f1d8a1f0c11',
  username: 'agent',
  displayName: '王晓燕',
  role: 'cs_agent',
  department: 'customer_service',
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const apiError = (status: number, code: ErrorCode, details?: unknown) =>
  json(status, { code, message: ERROR_MESSAGES[code]['zh-CN'], messages: ERROR_MESSAGES[code], details });

/** The server as a queue of answers to /auth/login, after /auth/me says nobody is signed in. */
function serverAnswering(...loginAnswers: Response[]) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/auth/me') return apiError(401, 'UNAUTHENTICATED');
    if (url === '/api/auth/login') return loginAnswers.shift()!;
    if (url === '/api/auth/logout') return new Response(null, { status: 204 });
    throw new Error(`unexpected ${init?.method ?? 'GET'} ${url}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function Screen() {
  const { state } = useSession();
  if (state.status === 'signed-in') return <UserMenu user={state.user} />;
  if (state.status === 'signed-out') return <LoginPage />;
  return null;
}

async function renderLogin() {
  render(
    <AuthProvider>
      <Screen />
    </AuthProvider>,
  );
  return { user: userEvent.setup(), username: await screen.findByLabelText('用户名'), password: screen.getByLabelText('密码') };
}

describe('LoginPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a labelled zh-CN form with the username focused', async () => {
    serverAnswering();
    const { username, password } = await renderLogin();
    expect(screen.getByRole('heading', { name: '登录' })).toBeInTheDocument();
    expect(username).toHaveFocus();
    expect(username).toHaveAttribute('autocomplete', 'username');
    expect(password).toHaveAttribute('type', 'password');
    expect(password).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('asks for both fields before calling the server', async () => {
    const fetchMock = serverAnswering();
    const { user, username } = await renderLogin();
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(screen.getByRole('alert')).toHaveTextContent('请输入用户名和密码');
    expect(username).toHaveFocus();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('announces wrong credentials, clears the password and puts the focus back on it', async () => {
    const fetchMock = serverAnswering(apiError(401, 'INVALID_CREDENTIALS'));
    const { user, username, password } = await renderLogin();
    await user.type(username, ' agent ');
    await user.type(password, 'wrong{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码错误');
    expect(password).toHaveValue('');
    expect(password).toHaveFocus();
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription('用户名或密码错误');
    const [, init] = fetchMock.mock.calls.find(([url]) => url === '/api/auth/login')!;
    expect(init).toMatchObject({ method: 'POST' });
    expect(JSON.parse(String(init!.body))).toEqual({ username: 'agent', password: 'wrong' });
  });

  it('says how long to wait when throttled', async () => {
    serverAnswering(apiError(429, 'LOGIN_THROTTLED', { retryAfterSeconds: 841 }));
    const { user, username, password } = await renderLogin();
    await user.type(username, 'agent');
    await user.type(password, 'demo1234{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('登录失败次数过多，请 15 分钟后再试');
  });

  it('signs in, shows who is signed in with the role, and signs out back to the form', async () => {
    const fetchMock = serverAnswering(json(200, agent));
    const { user, username, password } = await renderLogin();
    await user.type(username, 'agent');
    await user.type(password, 'demo1234');
    await user.click(screen.getByRole('button', { name: '登录' }));

    expect(await screen.findByText('王晓燕')).toBeInTheDocument();
    expect(screen.getByText('客服专员')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '退出登录' }));
    expect(await screen.findByLabelText('用户名')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith('/api/auth/logout', expect.objectContaining({ method: 'POST' }));
  });
});
