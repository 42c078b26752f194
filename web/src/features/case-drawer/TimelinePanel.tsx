import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaCrossingData, TimelineEntry, TimelineVerification, UserSummary } from '@app/shared';
import { useCurrentUser } from '../auth/use-session.js';
import { fetchTimeline, verifyTimeline } from './case-drawer-api.js';
import { CASE_FIELDS, type FieldSpec } from './case-fields.js';
import { formatFieldValue, type FormatContext } from './field-format.js';
import { asLocale, errorText, formatDateTime, formatMoney } from './format.js';

interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const specOf = (path: string): FieldSpec | undefined => (CASE_FIELDS as Record<string, FieldSpec>)[path];

/** What happened, in words: labelled fields with before → after, column names, amounts in yuan. */
function describeEntry(entry: TimelineEntry, context: FormatContext): string[] {
  const { t, locale } = context;
  const data = entry.data as Record<string, unknown>;
  const column = (value: unknown) => t(`column.${String(value)}`);
  const reason = typeof data.reason === 'string' ? [t('caseDrawer.timeline.reason', { reason: data.reason })] : [];
  switch (entry.type) {
    case 'case.created':
      return [t('caseDrawer.timeline.created', { number: data.number })];
    case 'case.updated': {
      const changes = (data.changes as FieldChange[] | undefined) ?? [];
      const lines = changes.map(({ field, before, after }) => {
        const spec = specOf(field);
        const show = (value: unknown) => (spec ? formatFieldValue(spec, value, context) : JSON.stringify(value));
        const label = spec ? t(`caseDrawer.field.${field}`) : field;
        return t('caseDrawer.timeline.changed', { field: label, before: show(before), after: show(after) });
      });
      if (typeof data.voidedApprovals === 'number') lines.push(t('caseDrawer.timeline.voided', { count: data.voidedApprovals }));
      return lines;
    }
    case 'case.moved':
      return [t(`caseDrawer.timeline.moved.${String(data.kind)}`, { from: column(data.from), to: column(data.to) }), ...reason];
    case 'approval.decided':
      return [
        t(`caseDrawer.timeline.${data.decision === 'rejected' ? 'rejected' : 'approved'}`, {
          amount: formatMoney(Number(data.amount), locale),
          role: t(`role.${String(data.role)}`),
        }),
        ...reason,
      ];
    case 'comment.added':
      return [t('caseDrawer.timeline.commented', { body: data.body })];
    case 'evidence.added':
      return [
        t('caseDrawer.timeline.evidence', { fileName: data.fileName }),
        ...(typeof data.caption === 'string' ? [t('caseDrawer.timeline.caption', { caption: data.caption })] : []),
      ];
    case 'sla.warning':
    case 'sla.breached': {
      const { deadline, dueAt } = data as unknown as SlaCrossingData;
      const level = entry.type === 'sla.warning' ? 'warning' : 'breached';
      return [t(`caseDrawer.timeline.sla.${level}_${deadline}`), t('caseDrawer.timeline.sla.due', { at: formatDateTime(dueAt, locale) })];
    }
  }
}

type Loaded<T> = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; value: T };

/** The case's immutable history, newest first; legal also sees whether the hash chain is intact. */
export function TimelinePanel({ caseId, refreshKey, users }: { caseId: string; refreshKey: string; users: readonly UserSummary[] }) {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const user = useCurrentUser();
  const checksChain = user.role === 'legal';
  const [entries, setEntries] = useState<Loaded<TimelineEntry[]>>({ status: 'loading' });
  const [verification, setVerification] = useState<Loaded<TimelineVerification>>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    fetchTimeline(caseId).then(
      (value) => current && setEntries({ status: 'ready', value: [...value].reverse() }),
      (error: unknown) => current && setEntries({ status: 'failed', message: errorText(error, locale, t('caseDrawer.loadFailed')) }),
    );
    if (checksChain) {
      verifyTimeline(caseId).then(
        (value) => current && setVerification({ status: 'ready', value }),
        (error: unknown) => current && setVerification({ status: 'failed', message: errorText(error, locale, t('caseDrawer.loadFailed')) }),
      );
    }
    return () => {
      current = false;
    };
  }, [caseId, refreshKey, checksChain, locale, t]);

  const context: FormatContext = { t, locale, users };
  return (
    <section className="drawer-section timeline" aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">{t('caseDrawer.timeline.heading')}</h3>
      {checksChain && (
        <p className={`timeline__verify${verification.status === 'ready' && !verification.value.valid ? ' timeline__verify--broken' : ''}`} role="status">
          {verification.status === 'loading' && t('caseDrawer.timeline.verifying')}
          {verification.status === 'failed' && verification.message}
          {verification.status === 'ready' &&
            (verification.value.valid
              ? t('caseDrawer.timeline.intact', { count: verification.value.events })
              : t('caseDrawer.timeline.broken', { seq: verification.value.brokenAtSeq }))}
        </p>
      )}
      {entries.status === 'loading' && <p role="status">{t('caseDrawer.loading')}</p>}
      {entries.status === 'failed' && <p role="alert">{entries.message}</p>}
      {entries.status === 'ready' && (
        <ol className="timeline__entries">
          {entries.value.map((entry) => (
            <li key={entry.seq} className={`timeline__entry timeline__entry--${entry.type.replace('.', '-')}`}>
              <p className="timeline__meta">
                <strong>{entry.actorName ?? t('caseDrawer.timeline.system')}</strong>{' '}
                <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, locale)}</time>
              </p>
              <ul className="timeline__lines">
                {describeEntry(entry, context).map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
