import { useTranslation } from 'react-i18next';
import { CASE_COLUMNS, type CaseCard, type CaseColumn } from '@app/shared';
import { CaseCardView } from './CaseCardView.js';

function groupByColumn(cases: CaseCard[]): Record<CaseColumn, CaseCard[]> {
  const groups = Object.fromEntries(CASE_COLUMNS.map((column) => [column, [] as CaseCard[]])) as Record<
    CaseColumn,
    CaseCard[]
  >;
  for (const card of cases) groups[card.column].push(card);
  return groups;
}

export function Board({ cases }: { cases: CaseCard[] }) {
  const { t } = useTranslation();
  const groups = groupByColumn(cases);
  return (
    <div className="board">
      {CASE_COLUMNS.map((column) => {
        const headingId = `column-${column}`;
        const cards = groups[column];
        return (
          <section key={column} className="board-column" aria-labelledby={headingId} data-column={column}>
            <h2 id={headingId} className="board-column__title">
              {t(`column.${column}`)}
              <span className="board-column__count" aria-label={t('board.caseCount', { count: cards.length })}>
                {cards.length}
              </span>
            </h2>
            <ul className="board-column__cards">
              {cards.length === 0 && <li className="board-column__empty">{t('board.empty')}</li>}
              {cards.map((card) => (
                <li key={card.id}>
                  <CaseCardView card={card} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
