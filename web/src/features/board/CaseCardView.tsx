import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { useDraggable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { slaStatus, type CaseCard, type Locale, type SlaPolicy } from '@app/shared';
import { formatAge, formatDateTime, formatDuration, formatMoney, initials } from './format.js';

export interface CardDragData {
  lane: string;
  column: CaseCard['column'];
}

interface CaseCardViewProps {
  card: CaseCard;
  lane: string;
  policy: SlaPolicy;
  now: number;
  highlighted: boolean;
  /** Colleagues who have the case open right now. */
  viewers: readonly string[];
  focusRequested: boolean;
  onOpen(card: CaseCard): void;
  onFocused(): void;
}

/** One hue per owner, so a column of avatars reads at a glance; text stays dark on it. */
function avatarHue(id: string): number {
  let hash = 0;
  for (const character of id) hash = (hash * 31 + character.charCodeAt(0)) % 360;
  return hash;
}

function useSlaText(card: CaseCard, policy: SlaPolicy, now: number, locale: Locale) {
  const { t } = useTranslation();
  const status = slaStatus(card, policy, now);
  if (status.activeDueAt === null || status.remainingMs === null) {
    return { state: status.state, text: t(`board.card.sla.${status.state as 'met' | 'missed'}`), due: status.resolutionDueAt };
  }
  const clock = card.firstRespondedAt === null ? 'firstResponse' : 'resolution';
  const time = formatDuration(status.remainingMs, locale);
  return { state: status.state, text: t(`board.card.sla.${status.state as 'ok' | 'warning' | 'breached'}_${clock}`, { time }), due: status.activeDueAt };
}

const CommentIcon = () => (
  <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12">
    <path d="M2 3h12v8H6l-3 3v-3H2z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
  </svg>
);

const AttachmentIcon = () => (
  <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12">
    <path d="M10.5 4.5 5.8 9.2a1.5 1.5 0 0 0 2.1 2.1l5-5a3 3 0 0 0-4.2-4.2l-5 5a4.5 4.5 0 0 0 6.4 6.4l4.2-4.2" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
  </svg>
);

/** What a card shows; also drawn in the drag overlay. */
export function CaseCardContent({ card, policy, now, viewers }: Pick<CaseCardViewProps, 'card' | 'policy' | 'now' | 'viewers'>) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const sla = useSlaText(card, policy, now, locale);
  return (
    <>
      <div className="case-card__head">
        <span className="case-card__number">{card.number}</span>
        <span className={`severity-badge severity-badge--${card.severity}`}>{t(`severity.${card.severity}`)}</span>
      </div>
      <p className="case-card__title">{card.title}</p>
      <div className="case-card__meta">
        <span className="case-card__customer">{card.customerName}</span>
        {card.customerCaseCount > 1 && (
          <span className="case-card__repeat" title={t('board.card.repeatTitle', { count: card.customerCaseCount })}>
            {t('board.card.repeat', { count: card.customerCaseCount })}
          </span>
        )}
        <span className="case-card__category">{t(`category.${card.category}`)}</span>
      </div>
      <div className="case-card__sla" data-sla={sla.state} title={t('board.card.sla.due', { at: formatDateTime(sla.due, locale) })}>
        {sla.text}
      </div>
      <div className="case-card__foot">
        {card.ownerName ? (
          <span
            className="case-card__avatar"
            style={{ backgroundColor: `hsl(${avatarHue(card.ownerId ?? '')} 70% 85%)` }}
            title={t('board.card.owner', { name: card.ownerName })}
          >
            {initials(card.ownerName)}
          </span>
        ) : (
          <span className="case-card__avatar case-card__avatar--none" title={t('board.card.unassigned')}>
            ?
          </span>
        )}
        <span className="case-card__counts">
          <span title={t('board.card.comments', { count: card.commentCount })}>
            <CommentIcon /> {card.commentCount}
          </span>
          <span title={t('board.card.evidence', { count: card.evidenceCount })}>
            <AttachmentIcon /> {card.evidenceCount}
          </span>
        </span>
        {card.amount !== null && <span className="case-card__amount">{formatMoney(card.amount, locale)}</span>}
        <span className="case-card__age">{t('board.card.age', { age: formatAge(card.createdAt, now, locale) })}</span>
      </div>
      {viewers.length > 0 && <div className="case-card__viewers">{t('board.card.viewing', { names: viewers.join('、') })}</div>}
    </>
  );
}

/**
 * A card on the board: a drag handle as a whole (mouse, touch, or space and arrows), and Enter
 * or a click opens the case. Its accessible name says what a sighted user reads on it.
 */
export const CaseCardView = memo(function CaseCardView(props: CaseCardViewProps) {
  const { card, lane, policy, now, highlighted, viewers, focusRequested, onOpen, onFocused } = props;
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const sla = useSlaText(card, policy, now, locale);
  const data: CardDragData = { lane, column: card.column };
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: card.id, data });
  const element = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (focusRequested && element.current) {
      element.current.focus();
      onFocused();
    }
  }, [focusRequested, onFocused]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(card);
      return;
    }
    listeners?.onKeyDown?.(event);
  };

  const label = t('board.card.label', {
    number: card.number,
    title: card.title,
    severity: t(`severity.${card.severity}`),
    customer: card.customerName,
    sla: sla.text,
  });

  return (
    <article
      ref={(node) => {
        element.current = node;
        setNodeRef(node);
      }}
      {...attributes}
      {...listeners}
      onKeyDown={onKeyDown}
      onClick={() => onOpen(card)}
      aria-label={label}
      aria-roledescription={t('board.dnd.roleDescription')}
      data-case-number={card.number}
      data-sla={sla.state}
      className={[
        'case-card',
        `severity-${card.severity}`,
        isDragging ? 'case-card--dragging' : '',
        highlighted ? 'case-card--highlighted' : '',
      ].join(' ')}
    >
      <CaseCardContent card={card} policy={policy} now={now} viewers={viewers} />
    </article>
  );
});
