import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import { LOCALES, type Locale } from '@app/shared';
import { AuthProvider } from '../features/auth/AuthProvider.js';
import { LoginPage } from '../features/auth/LoginPage.js';
import { BreachAlerts } from '../features/alerts/BreachAlerts.js';
import { UserMenu } from '../features/auth/UserMenu.js';
import { useSession } from '../features/auth/use-session.js';
import { BoardPage } from '../features/board/BoardPage.js';
import { CaseDrawerRoute } from '../features/case-drawer/CaseDrawer.js';
import { showsEscalations } from '../features/escalations/escalations-route.js';
import { IntakeDialog } from '../features/intake/IntakeDialog.js';
import { NewComplaintButton } from '../features/intake/NewComplaintButton.js';
import { REPORTS_PATH } from '../features/reports/reports-route.js';
import { SETTINGS_PATH } from '../features/settings/settings-route.js';
import { USERS_PATH } from '../features/users/users-route.js';
import { AppNav } from './AppNav.js';
import { RealtimeProvider } from './realtime/RealtimeProvider.js';

// Few people open these, and the board is what everyone waits for: they load on first visit.
const EscalationsPage = lazy(() => import('../features/escalations/EscalationsPage.js').then((module) => ({ default: module.EscalationsPage })));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage.js').then((module) => ({ default: module.ReportsPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage.js').then((module) => ({ default: module.SettingsPage })));
const UsersPage = lazy(() => import('../features/users/UsersPage.js').then((module) => ({ default: module.UsersPage })));

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
    <BrowserRouter>
      <AuthProvider>
        <RealtimeProvider>
          <AppShell />
        </RealtimeProvider>
      </AuthProvider>
    </BrowserRouter>
  );
}

function AppShell() {
  const { t } = useTranslation();
  const { state, recheck } = useSession();
  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        {state.status === 'signed-in' && <AppNav user={state.user} />}
        <div className="app-header__tools">
          {state.status === 'signed-in' && <NewComplaintButton />}
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
        {state.status === 'signed-in' && (
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <MainScreen />
          </Suspense>
        )}
        {/* The screen underneath stays mounted; these routes only lay a dialog over it. */}
        {state.status === 'signed-in' && (
          <Routes>
            <Route path="/cases/:number" element={<CaseDrawerRoute />} />
            <Route path="/intake" element={<IntakeDialog />} />
            <Route path="*" element={null} />
          </Routes>
        )}
        {state.status === 'signed-in' && <BreachAlerts user={state.user} />}
      </main>
    </div>
  );
}

/** Mounted only once signed in, so nothing is requested anonymously: the settings, user management, the monthly report, the escalation view, or else the board. */
function MainScreen() {
  const location = useLocation();
  if (location.pathname === SETTINGS_PATH) return <SettingsPage />;
  if (location.pathname === USERS_PATH) return <UsersPage />;
  if (location.pathname === REPORTS_PATH) return <ReportsPage />;
  return showsEscalations(location) ? <EscalationsPage /> : <BoardPage />;
}
