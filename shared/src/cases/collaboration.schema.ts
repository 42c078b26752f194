import { z } from 'zod';

export const MAX_COMMENT_LENGTH = 5000;

/** A comment mentions colleagues as `@username` in its body; the server resolves them to user ids. */
export const commentInputSchema = z.strictObject({
  body: z.string().trim().min(1).max(MAX_COMMENT_LENGTH),
});
export type CommentInput = z.infer<typeof commentInputSchema>;

export const commentSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  authorId: z.uuid(),
  authorName: z.string(),
  body: z.string(),
  /** The active users named as `@username` in the body, in order of first mention. */
  mentions: z.array(z.uuid()),
  createdAt: z.iso.datetime({ offset: true }),
});
/** Named so it does not shadow the DOM's `Comment` in the web app. */
export type CaseComment = z.infer<typeof commentSchema>;

/**
 * 20 MiB: a phone photo, a scanned delivery record, a few minutes of a call recording or a short
 * CCTV clip. Longer footage belongs in the depot's video system, referenced from a comment.
 */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/**
 * Only what the server recognises from the content itself. Plain text and office documents are
 * left out: they have no reliable signature, and a browser may render "text" as something else.
 */
export const EVIDENCE_MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'application/pdf',
  'audio/mpeg',
  'audio/wav',
  'audio/mp4',
  'video/mp4',
] as const;
export const evidenceMediaTypeSchema = z.enum(EVIDENCE_MEDIA_TYPES);
export type EvidenceMediaType = z.infer<typeof evidenceMediaTypeSchema>;

export const MAX_EVIDENCE_CAPTION_LENGTH = 500;

/** An empty caption is no caption. */
export const evidenceCaptionSchema = z
  .string()
  .trim()
  .max(MAX_EVIDENCE_CAPTION_LENGTH)
  .transform((caption) => caption || null);

/** The text fields sent with an evidence upload (multipart/form-data, next to `file`). */
export const evidenceUploadFieldsSchema = z.strictObject({
  caption: evidenceCaptionSchema.optional(),
});
export type EvidenceUploadFields = z.infer<typeof evidenceUploadFieldsSchema>;

export const evidenceSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  uploadedBy: z.uuid(),
  uploaderName: z.string(),
  fileName: z.string(),
  caption: z.string().nullable(),
  /** Detected from the content, never taken from the file name or the client's claim. */
  mediaType: evidenceMediaTypeSchema,
  size: z.number().int().positive().max(MAX_EVIDENCE_BYTES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Evidence = z.infer<typeof evidenceSchema>;
