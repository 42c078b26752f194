import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Evidence, EvidenceMediaType, EvidenceUploadFields } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error.js';
import { CasesService } from '../cases/cases.service.js';
import type { ChangeContext } from '../cases/case-context.js';
import { TimelineService } from '../timeline/timeline.service.js';
import { detectEvidenceType } from './content-type.js';

/** The part of an uploaded file the service needs (multer's memory storage provides it). */
export interface UploadedEvidenceFile {
  originalname: string;
  buffer: Buffer;
}

export interface EvidenceContent {
  evidence: Evidence;
  content: Buffer;
}

interface EvidenceRow {
  id: string;
  case_id: string;
  uploaded_by: string;
  uploader_name: string;
  file_name: string;
  caption: string | null;
  media_type: EvidenceMediaType;
  size_bytes: number;
  sha256: string;
  created_at: Date;
}

const METADATA_COLUMNS = `e.id, e.case_id, e.uploaded_by, u.display_name AS uploader_name, e.file_name, e.caption,
                          e.media_type, e.size_bytes, e.sha256, e.created_at`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class EvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly timeline: TimelineService,
  ) {}

  async list(idOrNumber: string): Promise<Evidence[]> {
    const caseId = await this.cases.resolveId(idOrNumber);
    const rows: EvidenceRow[] = await this.dataSource.query(
      `SELECT ${METADATA_COLUMNS}
       FROM case_evidence e JOIN users u ON u.id = e.uploaded_by
       WHERE e.case_id = $1 ORDER BY e.created_at, e.id`,
      [caseId],
    );
    return rows.map(toEvidence);
  }

  async add(idOrNumber: string, file: UploadedEvidenceFile, fields: EvidenceUploadFields, context: ChangeContext): Promise<Evidence> {
    const content = file.buffer;
    const mediaType = detectEvidenceType(content);
    if (!mediaType) throw new DomainError('UNSUPPORTED_FILE_TYPE', 415);
    const fileName = cleanFileName(file.originalname);
    const sha256 = createHash('sha256').update(content).digest('hex');

    return this.timeline.inTransaction({ actor: context.user, requestId: context.requestId }, async (manager, record) => {
      const caseId = await this.cases.resolveId(idOrNumber, manager);
      const [row]: EvidenceRow[] = await manager.query(
        `WITH e AS (
           INSERT INTO case_evidence (case_id, uploaded_by, file_name, caption, media_type, size_bytes, sha256, content)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *
         )
         SELECT ${METADATA_COLUMNS} FROM e JOIN users u ON u.id = e.uploaded_by`,
        [caseId, context.user.id, fileName, fields.caption ?? null, mediaType, content.length, sha256, content],
      );
      const evidence = toEvidence(row);
      record({
        caseId,
        type: 'evidence.added',
        data: {
          evidenceId: evidence.id,
          fileName: evidence.fileName,
          caption: evidence.caption,
          mediaType: evidence.mediaType,
          size: evidence.size,
          sha256: evidence.sha256,
        },
      });
      return evidence;
    });
  }

  /** The stored bytes, only through the case they were attached to. */
  async content(idOrNumber: string, evidenceId: string): Promise<EvidenceContent> {
    const caseId = await this.cases.resolveId(idOrNumber);
    if (!UUID.test(evidenceId)) throw new DomainError('EVIDENCE_NOT_FOUND', 404);
    const [row]: (EvidenceRow & { content: Buffer })[] = await this.dataSource.query(
      `SELECT ${METADATA_COLUMNS}, e.content
       FROM case_evidence e JOIN users u ON u.id = e.uploaded_by
       WHERE e.id = $1 AND e.case_id = $2`,
      [evidenceId, caseId],
    );
    if (!row) throw new DomainError('EVIDENCE_NOT_FOUND', 404);
    return { evidence: toEvidence(row), content: row.content };
  }
}

/**
 * The name as the uploader's computer knew it, kept for display and download only: any path is
 * dropped, control characters (which could split a header or a log line) removed, length capped.
 */
function cleanFileName(originalName: string): string {
  const base = originalName.split(/[/\\]/).pop() ?? '';
  const printable = base.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  return [...printable].slice(0, 255).join('') || 'evidence';
}

function toEvidence(row: EvidenceRow): Evidence {
  return {
    id: row.id,
    caseId: row.case_id,
    uploadedBy: row.uploaded_by,
    uploaderName: row.uploader_name,
    fileName: row.file_name,
    caption: row.caption,
    mediaType: row.media_type,
    size: row.size_bytes,
    sha256: row.sha256,
    createdAt: row.created_at.toISOString(),
  };
}
