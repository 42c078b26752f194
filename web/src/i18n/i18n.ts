import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '@app/shared';
import { alertsEn, alertsZhCN } from '../features/alerts/alerts.messages.js';
import { authEn, authZhCN } from '../features/auth/auth.messages.js';
import { boardEn, boardZhCN } from '../features/board/board.messages.js';
import { drawerEn, drawerZhCN } from '../features/case-drawer/drawer.messages.js';
import { escalationsEn, escalationsZhCN } from '../features/escalations/escalations.messages.js';
import { intakeEn, intakeZhCN } from '../features/intake/intake.messages.js';
import { reportsEn, reportsZhCN } from '../features/reports/reports.messages.js';
import { settingsEn, settingsZhCN } from '../features/settings/settings.messages.js';
import { usersEn, usersZhCN } from '../features/users/users.messages.js';
import { appEn, appZhCN } from './app.messages.js';
import { domainEn, domainZhCN } from './domain.messages.js';

/** One catalogue per locale: the shell, the domain's vocabulary, then one namespace per feature. */
const catalogues = {
  'zh-CN': { ...appZhCN, ...domainZhCN, alerts: alertsZhCN, auth: authZhCN, board: boardZhCN, caseDrawer: drawerZhCN, escalations: escalationsZhCN, intake: intakeZhCN, reports: reportsZhCN, settings: settingsZhCN, users: usersZhCN },
  en: { ...appEn, ...domainEn, alerts: alertsEn, auth: authEn, board: boardEn, caseDrawer: drawerEn, escalations: escalationsEn, intake: intakeEn, reports: reportsEn, settings: settingsEn, users: usersEn },
} satisfies Record<Locale, object>;

const STORAGE_KEY = 'locale';

function storedLocale(): Locale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return (LOCALES as readonly string[]).includes(stored ?? '') ? (stored as Locale) : 'zh-CN';
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: catalogues['zh-CN'] }, en: { translation: catalogues.en } },
  lng: storedLocale(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (locale) => {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
});

export { i18n };
