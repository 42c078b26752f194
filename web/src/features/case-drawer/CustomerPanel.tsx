import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '@app/shared';
import { lookupCustomer, type CustomerCase } from './case-drawer-api.js';
import { CustomerHistory } from './CustomerHistory.js';
import { asLocale, errorText } from './format.js';

type History = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; earlier: CustomerCase[] };

/** Who complained and what they complained about before; looked up by phone, as at intake. */
export function CustomerPanel({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const [history, setHistory] = useState<History>({ status: 'loading' });
  const { phone } = detail.customer;

  useEffect(() => {
    let current = true;
    lookupCustomer(phone).then(
      (found) => current && setHistory({ status: 'ready', earlier: (found?.cases ?? []).filter((item) => item.id !== detail.id) }),
      (error: unknown) => current && setHistory({ status: 'failed', message: errorText(error, locale, t('caseDrawer.loadFailed')) }),
    );
    return () => {
      current = false;
    };
  }, [phone, detail.id, locale, t]);

  return (
    <section className="drawer-section customer-panel" aria-labelledby="customer-panel-heading">
      <h3 id="customer-panel-heading">{t('caseDrawer.customer.heading')}</h3>
      <p className="customer-panel__who">
        {detail.customer.name} · {detail.customer.phone}
        {detail.customer.type && <> · {t(`customerType.${detail.customer.type}`)}</>}
        {detail.customer.company && <> · {detail.customer.company}</>}
      </p>
      {history.status === 'loading' && <p role="status">{t('caseDrawer.loading')}</p>}
      {history.status === 'failed' && <p role="alert">{history.message}</p>}
      {history.status === 'ready' && <CustomerHistory earlier={history.earlier} />}
    </section>
  );
}
