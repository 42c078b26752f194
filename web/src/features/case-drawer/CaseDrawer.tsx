import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { CASE_NUMBER_PATTERN, type ApprovalPolicy, type CaseDetail, type UserSummary } from '@app/shared';
import { ApprovalPanel } from './ApprovalPanel.js';
import { DRAWER_FORMS } from './case-fields.js';
import { CaseLiveContext, useCaseLive, useFieldPresence } from './case-live.js';
import { CommentsPanel } from './CommentsPanel.js';
import { CustomerPanel } from './CustomerPanel.js';
import { EvidencePanel } from './EvidencePanel.js';
import { asLocale, errorText, formatDateTime, formatDuration } from './format.js';
import { ModalDialog } from './ModalDialog.js';
import { MoveBar } from './MoveBar.js';
import { useRealtimeCaseLive } from './realtime-case-live.js';
import { SectionForm } from './SectionForm.js';
import { TimelinePanel } from './TimelinePanel.js';
import { useCaseDrawer } from './use-case-drawer.js';
import './case-drawer.css';

const TITLE_ID = 'case-drawer-title';

/**
 * The board's card for a case, to take focus back when the drawer closes after a deep link.
 * Cards are found by their link to the case or by `data-case-number`.
 */
function cardOf(number: string): HTMLElement | null {
  if (!CASE_NUMBER_PATTERN.test(number)) return null;
  return document.querySelector<HTMLElement>(`a[href="/cases/${number}"], [data-case-number="${number}"]`);
}

/**
 * `/cases/:number`: the drawer over the board, live; closing returns to the board with its filters,
 * or to the screen that opened it and said so in the history entry (`returnTo`).
 */
export function CaseDrawerRoute() {
  const { number = '' } = useParams();
  const { search, state } = useLocation();
  const navigate = useNavigate();
  const returnTo = (state as { returnTo?: string } | null)?.returnTo;
  return (
    <CaseLiveContext.Provider value={useRealtimeCaseLive}>
      <CaseDrawer key={number} number={number} onClose={() => navigate(returnTo ?? { pathname: '/', search })} />
    </CaseLiveContext.Provider>
  );
}

export function CaseDrawer({ number, onClose }: { number: string; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const { data, setDetail, refreshCase, retry } = useCaseDrawer(number);

  return (
    <ModalDialog labelledBy={TITLE_ID} className="case-drawer" onClose={onClose} fallbackFocus={() => cardOf(number)}>
      {/* Rendered the same way while loading and after, so the focused close button survives the load. */}
      <DrawerHeader number={number} detail={data.status === 'ready' ? data.detail : undefined} onClose={onClose} />
      {data.status === 'ready' ? (
        <DrawerBody detail={data.detail} users={data.users} policy={data.policy} onCase={setDetail} refreshCase={refreshCase} />
      ) : (
        <>
          {data.status === 'loading' && <p role="status">{t('caseDrawer.loading')}</p>}
          {data.status === 'not-found' && <p role="alert">{t('caseDrawer.notFound', { number })}</p>}
          {data.status === 'failed' && (
            <p role="alert">
              {errorText(data.error, locale, t('caseDrawer.loadFailed'))}{' '}
              <button type="button" className="button" onClick={retry}>
                {t('app.retry')}
              </button>
            </p>
          )}
        </>
      )}
    </ModalDialog>
  );
}

function DrawerHeader({ number, detail, onClose }: { number: string; detail?: CaseDetail; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  return (
    <header className="case-drawer__header">
      <div className="case-drawer__heading">
        <h2 id={TITLE_ID}>{detail ? `${number} ${detail.title}` : number}</h2>
        {detail && (
          <p className="case-drawer__summary">
            <span className="case-drawer__column">{t('caseDrawer.header.column', { column: t(`column.${detail.column}`) })}</span>
            <span className={`severity-badge severity-badge--${detail.severity}`}>{t(`severity.${detail.severity}`)}</span>
            <span>
              {t('caseDrawer.header.opened', {
                at: formatDateTime(detail.createdAt, locale),
                age: formatDuration(Date.now() - Date.parse(detail.createdAt), locale),
              })}
            </span>
            {detail.reopenCount > 0 && <span>{t('caseDrawer.header.reopened', { count: detail.reopenCount })}</span>}
          </p>
        )}
      </div>
      <button type="button" className="button case-drawer__close" onClick={onClose}>
        {t('caseDrawer.close')}
      </button>
    </header>
  );
}

interface DrawerBodyProps {
  detail: CaseDetail;
  users: UserSummary[];
  policy: ApprovalPolicy;
  onCase(detail: CaseDetail): void;
  refreshCase(): Promise<void>;
}

function DrawerBody({ detail, users, policy, onCase, refreshCase }: DrawerBodyProps) {
  const { t } = useTranslation();
  const live = useCaseLive(detail.id);
  const fieldPresence = useFieldPresence(live);
  // Comments and evidence do not change the case's version but do add to its timeline.
  const [activity, setActivity] = useState(0);
  const noteActivity = () => setActivity((n) => n + 1);
  const refreshKey = `${detail.version}:${activity}`;

  const seenSeq = useRef(live.latestSeq);
  useEffect(() => {
    if (live.latestSeq === seenSeq.current) return;
    seenSeq.current = live.latestSeq;
    setActivity((n) => n + 1);
    // A failed refetch leaves the last known case on screen; the next event or save tries again.
    refreshCase().catch(() => undefined);
  }, [live.latestSeq, refreshCase]);

  const formProps = { detail, users, live, fieldPresence, onCase };
  const before = DRAWER_FORMS.filter((form) => form.section !== 'correctiveAction' && form.section !== 'followUp');
  const after = DRAWER_FORMS.filter((form) => form.section === 'correctiveAction' || form.section === 'followUp');

  return (
    <>
      {live.viewers.length > 0 && (
        <p className="case-drawer__viewers">
          {t('caseDrawer.presence.viewing', { names: live.viewers.map((viewer) => viewer.displayName).join('、') })}
        </p>
      )}
      <div className="case-drawer__body">
        <div className="case-drawer__main">
          <MoveBar detail={detail} policy={policy} onCase={onCase} />
          <CustomerPanel detail={detail} />
          {before.map((form) => (
            <SectionForm key={form.id} form={form} {...formProps} />
          ))}
          <ApprovalPanel detail={detail} policy={policy} users={users} onCase={onCase} onStale={() => void refreshCase().catch(() => undefined)} />
          {after.map((form) => (
            <SectionForm key={form.id} form={form} {...formProps} />
          ))}
        </div>
        <div className="case-drawer__side">
          <EvidencePanel caseId={detail.id} refreshKey={refreshKey} onAdded={noteActivity} />
          <CommentsPanel caseId={detail.id} users={users} refreshKey={refreshKey} onAdded={noteActivity} />
          <TimelinePanel caseId={detail.id} refreshKey={refreshKey} users={users} />
        </div>
      </div>
    </>
  );
}
