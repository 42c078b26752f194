import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { escalationsQuerySchema, queryToObject } from '@app/shared';
import { formatDateTime } from '../board/format.js';
import { asLocale, errorText } from '../case-drawer/format.js';
import { EscalationsSummary } from './EscalationsSummary.js';
import { EscalationsTable } from './EscalationsTable.js';
import { useEscalations } from './use-escalations.js';
import { useEscalationsLive } from './use-escalations-live.js';
import './escalations.css';

/** The countdowns show minutes; a quarter-minute tick keeps them within seconds of the truth. */
const CLOCK_TICK_MS = 15_000;

/**
 * `/escalations`: the department heads' view of what is overdue, nearly overdue or serious, live.
 * The server decides who may see it; anyone else reads its refusal here.
 */
export function EscalationsPage() {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const { pathname, search } = useLocation();
  const [searchParams] = useSearchParams();
  const parsed = escalationsQuerySchema.safeParse(queryToObject(searchParams));
  const department = parsed.success ? parsed.data.department : undefined;
  const { overview, error, loading, refetch } = useEscalations(department);
  const connection = useEscalationsLive(refetch);
  const [now, setNow] = useState(Date.now);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);

  return (
    <section className="escalations" aria-labelledby="escalations-title" aria-busy={loading}>
      <header className="escalations__header">
        <h2 id="escalations-title">{t('escalations.title')}</h2>
        <p className="escalations__intro">{t('escalations.intro')}</p>
        <p role="status" className="escalations__status">
          {connection === 'reconnecting' || connection === 'offline'
            ? t('escalations.live.reconnecting')
            : overview && t('escalations.asOf', { time: formatDateTime(overview.asOf, locale) })}
        </p>
      </header>
      {overview && <EscalationsSummary departments={overview.departments} selected={department} />}
      {error !== null && (
        <p role="alert" className="escalations__error">
          {t('escalations.loadFailed', { message: errorText(error, locale, error instanceof Error ? error.message : String(error)) })}{' '}
          <button type="button" className="button" onClick={refetch}>
            {t('app.retry')}
          </button>
        </p>
      )}
      {overview ? (
        <EscalationsTable cases={overview.cases} policy={overview.policy} now={now} department={department} returnTo={pathname + search} />
      ) : (
        loading && <p role="status">{t('escalations.loading')}</p>
      )}
    </section>
  );
}
