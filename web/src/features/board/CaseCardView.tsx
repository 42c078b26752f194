import { useTranslation } from 'react-i18next';
import type { CaseCard } from '@app/shared';

export function CaseCardView({ card }: { card: CaseCard }) {
  const { t } = useTranslation();
  return (
    <article className={`case-card severity-${card.severity}`} aria-label={`${card.number} ${card.title}`}>
      <header className="case-card__head">
        <span className="case-card__number">{card.number}</span>
        <span className={`severity-badge severity-badge--${card.severity}`}>{t(`severity.${card.severity}`)}</span>
      </header>
      <p className="case-card__title">{card.title}</p>
    </article>
  );
}
