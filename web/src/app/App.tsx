import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@app/shared';
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
  const { t } = useTranslation();
  const board = useBoardCases();
  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <LanguageSwitch />
      </header>
      <main>
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
      </main>
    </div>
  );
}
