import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Locale } from '@app/shared';
import { ApiError } from '../../app/api-client.js';
import { useSession } from './use-session.js';
import './auth.css';

function loginErrorMessage(error: unknown, t: TFunction, locale: Locale): string {
  if (!(error instanceof ApiError)) return t('auth.unreachable');
  if (error.body?.code === 'INVALID_CREDENTIALS') return t('auth.invalidCredentials');
  if (error.body?.code === 'LOGIN_THROTTLED') {
    const seconds = (error.body.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 900;
    return t('auth.throttled', { minutes: Math.ceil(seconds / 60) });
  }
  return error.body?.messages[locale] ?? error.message;
}

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { logIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const usernameInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError(t('auth.missingFields'));
      (username.trim() ? passwordInput : usernameInput).current?.focus();
      return;
    }
    setSubmitting(true);
    setError('');
    try {
      await logIn({ username: username.trim(), password });
    } catch (caught) {
      setError(loginErrorMessage(caught, t, i18n.language as Locale));
      setPassword('');
      setSubmitting(false);
      passwordInput.current?.focus();
    }
  }

  const describedBy = error ? 'login-error' : undefined;
  return (
    <section className="login" aria-labelledby="login-title">
      <form className="login__form" onSubmit={(event) => void submit(event)} noValidate>
        <h2 id="login-title">{t('auth.title')}</h2>
        <label htmlFor="login-username">{t('auth.username')}</label>
        <input
          id="login-username"
          ref={usernameInput}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        <label htmlFor="login-password">{t('auth.password')}</label>
        <input
          id="login-password"
          ref={passwordInput}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        {/* Always in the DOM so that screen readers announce each new message in this live region. */}
        <p id="login-error" className="login__error" role="alert">
          {error}
        </p>
        <button type="submit" className="login__submit" disabled={submitting}>
          {submitting ? t('auth.submitting') : t('auth.submit')}
        </button>
      </form>
    </section>
  );
}
