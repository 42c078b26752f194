export const authZhCN = {
  title: '登录',
  username: '用户名',
  password: '密码',
  submit: '登录',
  submitting: '正在登录…',
  missingFields: '请输入用户名和密码',
  invalidCredentials: '用户名或密码错误',
  throttled: '登录失败次数过多，请 {{minutes}} 分钟后再试',
  unreachable: '无法连接服务器，请检查网络后重试',
  checkFailed: '无法确认登录状态：{{message}}',
  signedInAs: '当前用户',
  logout: '退出登录',
};

export const authEn: typeof authZhCN = {
  title: 'Sign in',
  username: 'Username',
  password: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  missingFields: 'Enter your username and password',
  invalidCredentials: 'Wrong username or password',
  throttled: 'Too many failed attempts. Try again in {{minutes}} min.',
  unreachable: 'Cannot reach the server. Check your connection and try again.',
  checkFailed: 'Could not check whether you are signed in: {{message}}',
  signedInAs: 'Signed in as',
  logout: 'Sign out',
};
