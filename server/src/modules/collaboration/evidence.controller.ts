import { Body, Controller, Get, Header, HttpCode, Param, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  STAFF_ROLES,
  evidenceUploadFieldsSchema,
  MAX_EVIDENCE_BYTES,
  type Evidence,
  type EvidenceMediaType,
  type EvidenceUploadFields,
  type UserSummary,
} from '@app/shared';
import { DomainError } from '../../common/errors/domain-error.js';
import { RequestId } from '../../common/http/request-id.js';
import { ZodValidationPipe } from '../../common/validation/zod-validation.pipe.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { EvidenceService, type UploadedEvidenceFile } from './evidence.service.js';

/** Types a browser shows in place without running anything; the rest are offered as downloads. */
const SHOWN_INLINE = new Set<EvidenceMediaType>(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf']);

@Controller('cases/:id/evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Get()
  list(@Param('id') id: string): Promise<Evidence[]> {
    return this.evidence.list(id);
  }

  /**
   * multipart/form-data: `file` and an optional `caption`. The role check runs in the guard,
   * before the interceptor reads the body, so a refused upload is not received first. Names are
   * read as UTF-8, which browsers send for names like 破损照片.jpg.
   */
  @Post()
  @HttpCode(201)
  @Roles(...STAFF_ROLES)
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 5 }, defParamCharset: 'utf8' }),
  )
  add(
    @Param('id') id: string,
    @UploadedFile() file: UploadedEvidenceFile | undefined,
    @Body(new ZodValidationPipe(evidenceUploadFieldsSchema)) fields: EvidenceUploadFields,
    @CurrentUser() user: UserSummary,
    @RequestId() requestId: string,
  ): Promise<Evidence> {
    if (!file) throw new DomainError('VALIDATION_FAILED', 400, [{ path: 'file', message: 'a file is required' }]);
    return this.evidence.add(id, file, fields, { user, requestId });
  }

  /**
   * The bytes under the type detected at upload. nosniff stops a browser from guessing another
   * type, and the sandbox policy keeps anything that does render (a PDF, an image polyglot) from
   * running script or reaching the board's cookies and API.
   */
  @Get(':evidenceId/content')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Content-Security-Policy', 'sandbox')
  @Header('Cache-Control', 'private, no-cache')
  async content(@Param('id') id: string, @Param('evidenceId') evidenceId: string): Promise<StreamableFile> {
    const { evidence, content } = await this.evidence.content(id, evidenceId);
    const disposition = SHOWN_INLINE.has(evidence.mediaType) ? 'inline' : 'attachment';
    return new StreamableFile(content, {
      type: evidence.mediaType,
      length: evidence.size,
      disposition: `${disposition}; filename*=UTF-8''${encodeRfc5987(evidence.fileName)}`,
    });
  }
}

/** RFC 5987 / 8187 value: percent-encoded UTF-8, including the characters encodeURIComponent leaves alone but the grammar does not allow. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
