import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EVIDENCE_MEDIA_TYPES,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_CAPTION_LENGTH,
  STAFF_ROLES,
  type Evidence,
  type EvidenceMediaType,
} from '@app/shared';
import { evidenceContentUrl, fetchEvidence, uploadEvidence } from './case-drawer-api.js';
import { useCurrentUser } from '../auth/use-session.js';
import { asLocale, errorText, formatDateTime } from './format.js';

const isImage = (type: EvidenceMediaType) => type.startsWith('image/');

function formatSize(bytes: number, locale: string): string {
  const megabytes = bytes / (1024 * 1024);
  return megabytes >= 1
    ? new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(megabytes)
    : new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024));
}

interface EvidencePanelProps {
  caseId: string;
  refreshKey: string;
  /** Evidence was added: the timeline has a new entry. */
  onAdded(): void;
}

/** Attachments with their captions: images and PDFs shown in place from the content URL, the rest as downloads. */
export function EvidencePanel({ caseId, refreshKey, onAdded }: EvidencePanelProps) {
  const { t, i18n } = useTranslation();
  // Admin administers the board and takes no part in cases; the server refuses it too.
  const collaborates = (STAFF_ROLES as readonly string[]).includes(useCurrentUser().role);
  const locale = asLocale(i18n.language);
  const [items, setItems] = useState<Evidence[] | null>(null);
  const [loadFailure, setLoadFailure] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let current = true;
    fetchEvidence(caseId).then(
      (value) => current && setItems(value),
      (error: unknown) => current && setLoadFailure(errorText(error, locale, t('caseDrawer.loadFailed'))),
    );
    return () => {
      current = false;
    };
  }, [caseId, refreshKey, locale, t]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    const refusal = !file
      ? t('caseDrawer.evidence.noFile')
      : file.size > MAX_EVIDENCE_BYTES
        ? t('caseDrawer.evidence.tooLarge', { size: formatSize(MAX_EVIDENCE_BYTES, locale) })
        : file.type && !(EVIDENCE_MEDIA_TYPES as readonly string[]).includes(file.type)
          ? t('caseDrawer.evidence.unsupported')
          : '';
    if (refusal || !file) {
      setProblem(refusal);
      fileRef.current?.focus();
      return;
    }
    setBusy(true);
    setProblem('');
    try {
      const added = await uploadEvidence(caseId, file, caption);
      setItems((current) => [...(current ?? []), added]);
      setFile(null);
      setCaption('');
      if (fileRef.current) fileRef.current.value = '';
      setStatus(t('caseDrawer.evidence.uploaded', { fileName: added.fileName }));
      onAdded();
    } catch (error) {
      setProblem(errorText(error, locale, t('caseDrawer.evidence.failed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="drawer-section evidence" aria-labelledby="evidence-heading">
      <h3 id="evidence-heading">{t('caseDrawer.evidence.heading')}</h3>
      {loadFailure && <p role="alert">{loadFailure}</p>}
      {items && items.length === 0 && <p className="drawer-section__hint">{t('caseDrawer.evidence.none')}</p>}
      {items && items.length > 0 && (
        <ul className="evidence__list">
          {items.map((item) => {
            const url = evidenceContentUrl(caseId, item.id);
            const name = item.caption ?? item.fileName;
            return (
              <li key={item.id}>
                <figure className="evidence__item">
                  {isImage(item.mediaType) && <img className="evidence__preview" src={url} alt={name} loading="lazy" />}
                  {item.mediaType === 'application/pdf' && (
                    <object className="evidence__preview evidence__preview--pdf" data={url} type="application/pdf" aria-label={name}>
                      <a href={url} target="_blank" rel="noopener">
                        {t('caseDrawer.evidence.openPdf', { fileName: item.fileName })}
                      </a>
                    </object>
                  )}
                  <figcaption>
                    {item.caption && <span className="evidence__caption">{item.caption}</span>}
                    <a href={url} target="_blank" rel="noopener" className="evidence__file">
                      {item.fileName}
                    </a>{' '}
                    · {formatSize(item.size, locale)} · {item.uploaderName} ·{' '}
                    <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, locale)}</time>
                  </figcaption>
                </figure>
              </li>
            );
          })}
        </ul>
      )}
      {collaborates && (
        <form className="evidence__form" onSubmit={(event) => void onSubmit(event)} noValidate>
          <div className="field">
            <label htmlFor="evidence-file">{t('caseDrawer.evidence.file')}</label>
            <input
              ref={fileRef}
              id="evidence-file"
              type="file"
              accept={EVIDENCE_MEDIA_TYPES.join(',')}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? 'evidence-problem' : 'evidence-types'}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
            <span id="evidence-types" className="drawer-section__hint">
              {t('caseDrawer.evidence.types', { size: formatSize(MAX_EVIDENCE_BYTES, locale) })}
            </span>
            {problem && (
              <span id="evidence-problem" className="field__error">
                {problem}
              </span>
            )}
          </div>
          <div className="field">
            <label htmlFor="evidence-caption">{t('caseDrawer.evidence.caption')}</label>
            <input id="evidence-caption" type="text" value={caption} maxLength={MAX_EVIDENCE_CAPTION_LENGTH} onChange={(event) => setCaption(event.target.value)} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('caseDrawer.evidence.uploading') : t('caseDrawer.evidence.upload')}
            </button>
            <span className="form-status" role="status">
              {status}
            </span>
          </div>
        </form>
      )}
    </section>
  );
}
