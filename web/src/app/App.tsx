import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@app/shared';
import { AuthProvider } from '../features/auth/AuthProvider.js';
import { LoginPage } from '../features/auth/LoginPage.js';
import { UserMenu } from '../features/auth/UserMenu.js';
import { useSession } from '../features/auth/use-session.js';
import { Board } from '../features/board/Board.js';
import { useBoardCases } from '../features/board/use-board-cases.js';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switch">
      <span>{t('language.label')}</span>
      <select value={i18n.language} onChange={(event) => void i18n.changeLanguage(event.target.value as Locale)}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale}>
            {t(`language.${locale}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function App() {
  return (
    <AuthProvider>
      <AppShell />
    </AuthProvider>
  );
}

function AppShell() {
  const { t } = useTranslation();
  const { state, recheck } = useSession();
  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <div className="app-header__tools">
          <LanguageSwitch />
          {state.status === 'signed-in' && <UserMenu user={state.user} />}
        </div>
      </header>
      <main>
        {state.status === 'checking' && <p role="status">{t('app.loading')}</p>}
        {state.status === 'unavailable' && (
          <p role="alert">
            {t('auth.checkFailed', { message: state.message })}{' '}
            <button type="button" onClick={recheck}>
              {t('app.retry')}
            </button>
          </p>
        )}
        {state.status === 'signed-out' && <LoginPage />}
        {state.status === 'signed-in' && <BoardScreen />}
      </main>
    </div>
  );
}

/** Mounted only once signed in, so the board is never requested anonymously. */
function BoardScreen() {
  const { t } = useTranslation();
  const board = useBoardCases();
  return (
    <>
      {board.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {board.status === 'failed' && (
        <p role="alert">
          {t('app.loadFailed', { message: board.message })}{' '}
          <button type="button" onClick={board.reload}>
            {t('app.retry')}
          </button>
        </p>
      )}
      {board.status === 'ready' && <Board cases={board.cases} />}
    </>
  );
}
