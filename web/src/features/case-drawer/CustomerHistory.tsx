import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerCase } from './case-drawer-api.js';
import { asLocale, formatDateTime } from './format.js';

/**
 * A customer's earlier cases, with the repeat-complainer flag the procedures ask for. Used in the
 * drawer and at intake, so both say it the same way. Intake opens them in a new tab so that the
 * complaint being typed is not lost.
 */
export function CustomerHistory({ earlier, inNewTab = false }: { earlier: readonly CustomerCase[]; inNewTab?: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  if (earlier.length === 0) return <p className="customer-history__first">{t('caseDrawer.customer.firstComplaint')}</p>;
  return (
    <div className="customer-history customer-history--repeat">
      <p className="customer-history__warning">
        <strong>{t('caseDrawer.customer.repeat')}</strong> {t('caseDrawer.customer.earlierCount', { count: earlier.length })}
      </p>
      <ul className="customer-history__cases">
        {earlier.map((item) => (
          <li key={item.id}>
            <Link to={`/cases/${item.number}`} {...(inNewTab ? { target: '_blank', rel: 'noopener' } : {})}>
              {item.number}
            </Link> {item.title} · {t(`category.${item.category}`)} ·{' '}
            {t(`column.${item.column}`)} · <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, locale)}</time>
          </li>
        ))}
      </ul>
    </div>
  );
}
