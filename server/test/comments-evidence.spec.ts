import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseDetailSchema,
  commentSchema,
  evidenceSchema,
  MAX_COMMENT_LENGTH,
  MAX_EVIDENCE_BYTES,
  timelineEntrySchema,
  type CaseDetail,
  type Evidence,
} from '@app/shared';
import { apiAs, newComplaint } from './support/api-client.js';
import { caseIn, type Team } from './support/case-fixtures.js';
import { loginAs, seedUsers, startTestApp, type TestApp } from './support/test-app.js';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d4948445200000001000000010806000000', 'hex'),
  Buffer.from('a photo of the crushed parcel'),
]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(56)]);
const WINDOWS_EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62)]);
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>fetch("/api/auth/me")</script></body></html>');
const CALL_RECORDING = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypM4A '), Buffer.alloc(4), Buffer.from('isom'), Buffer.alloc(64)]);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('comments and evidence on a case, through the API, on real PostgreSQL', () => {
  let testApp: TestApp;
  const cookie: Record<string, string> = {};
  const team = {} as Team;
  const userId: Record<string, string> = {};
  let complaint: CaseDetail;
  let otherComplaint: CaseDetail;

  beforeAll(async () => {
    testApp = await startTestApp();
    await seedUsers(testApp);
    for (const username of ['agent', 'supervisor', 'quality', 'operations', 'legal', 'head', 'admin'] as const) {
      cookie[username] = await loginAs(testApp, username);
      team[username] = apiAs(testApp, cookie[username]);
      userId[username] = (await team[username].get('/auth/me')).body.id;
    }
    complaint = caseDetailSchema.parse((await team.agent.post('/cases', newComplaint())).body);
    otherComplaint = caseDetailSchema.parse((await team.agent.post('/cases', newComplaint())).body);
  });
  afterAll(() => testApp.close());

  /** A multipart upload as a browser sends it; the client's type and name are whatever it claims. */
  async function upload(
    caseRef: string,
    file: { bytes: Uint8Array; name: string; type?: string } | null,
    fields: Record<string, string> = {},
    as: string | null = 'quality',
  ) {
    const form = new FormData();
    if (file) form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    const response = await fetch(`${testApp.baseUrl}/api/cases/${caseRef}/evidence`, {
      method: 'POST',
      headers: as ? { cookie: cookie[as], 'Accept-Language': 'en' } : {},
      body: form,
    });
    return { status: response.status, body: await response.json() };
  }

  function download(caseRef: string, evidenceId: string, as: string | null = 'agent') {
    return fetch(`${testApp.baseUrl}/api/cases/${caseRef}/evidence/${evidenceId}/content`, {
      headers: as ? { cookie: cookie[as] } : {},
    });
  }

  describe('comments', () => {
    it('adds a comment, resolving @mentions of active users and leaving unknown names as text', async () => {
      const body = '  @quality 请核实分拨中心的扫描记录，抄送 @Operations；@nobody 不是同事。客户邮箱 wang@example.com  ';
      const answer = await team.agent.post(`/cases/${complaint.id}/comments`, { body });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      const comment = commentSchema.parse(answer.body);
      expect(comment).toMatchObject({
        caseId: complaint.id,
        authorId: userId.agent,
        authorName: '王晓燕',
        body: body.trim(),
        mentions: [userId.quality, userId.operations],
      });

      const listed = await team.quality.get(`/cases/${complaint.number}/comments`);
      expect(listed.status).toBe(200);
      expect(commentSchema.array().parse(listed.body)).toEqual([comment]);

      const timeline = timelineEntrySchema.array().parse((await team.agent.get(`/cases/${complaint.id}/timeline`)).body);
      const added = timeline.filter((entry) => entry.type === 'comment.added');
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({
        actorId: userId.agent,
        data: { commentId: comment.id, body: comment.body, mentions: comment.mentions },
      });
    });

    it('lets every role that works cases comment, and refuses admin with 403', async () => {
      for (const username of ['supervisor', 'quality', 'operations', 'legal', 'head'] as const) {
        const answer = await team[username].post(`/cases/${complaint.id}/comments`, { body: `${username} 已阅` });
        expect(answer.status, username).toBe(201);
      }
      const refused = await team.admin.post(`/cases/${complaint.id}/comments`, { body: '管理员不处理案件' });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
    });

    it('refuses an empty, blank, over-long or malformed body with 400', async () => {
      for (const input of [{ body: '' }, { body: '   \n ' }, { body: 'x'.repeat(MAX_COMMENT_LENGTH + 1) }, {}, { body: 'ok', mentions: [] }]) {
        const answer = await team.agent.post(`/cases/${complaint.id}/comments`, input);
        expect(answer.status, JSON.stringify(input).slice(0, 40)).toBe(400);
        expect(answer.body.code).toBe('VALIDATION_FAILED');
      }
      expect((await team.agent.post(`/cases/${complaint.id}/comments`, { body: 'x'.repeat(MAX_COMMENT_LENGTH) })).status).toBe(201);
    });

    it('answers 401 without a session and 404 for an unknown case', async () => {
      const anonymous = apiAs(testApp, null);
      expect((await anonymous.post(`/cases/${complaint.id}/comments`, { body: 'hi' })).status).toBe(401);
      expect((await anonymous.get(`/cases/${complaint.id}/comments`)).status).toBe(401);
      for (const unknown of [randomUUID(), 'CP-20000101-0001', 'not-a-case']) {
        const answer = await team.agent.post(`/cases/${unknown}/comments`, { body: 'hi' });
        expect(answer.status).toBe(404);
        expect(answer.body.code).toBe('CASE_NOT_FOUND');
        expect((await team.agent.get(`/cases/${unknown}/comments`)).status).toBe(404);
      }
    });

    it('still takes comments on a closed case (after-sales notes)', async () => {
      const closed = await caseIn(team, 'closed', { preventiveOwnerId: userId.operations });
      expect(closed.column).toBe('closed');
      const answer = await team.agent.post(`/cases/${closed.id}/comments`, { body: '客户再次来电致谢 @head' });
      expect(answer.status).toBe(201);
      expect(answer.body.mentions).toEqual([userId.head]);
    });

    it('cannot be changed or removed, even with direct SQL', async () => {
      const comment = (await team.agent.post(`/cases/${complaint.id}/comments`, { body: '原话' })).body;
      const dataSource = testApp.app.get(DataSource);
      await expect(dataSource.query(`UPDATE case_comments SET body = '改过的话' WHERE id = $1`, [comment.id])).rejects.toThrow(
        /append-only/,
      );
      await expect(dataSource.query(`DELETE FROM case_comments WHERE id = $1`, [comment.id])).rejects.toThrow(/append-only/);
      await expect(dataSource.query(`TRUNCATE case_comments CASCADE`)).rejects.toThrow(/append-only/);
      const [row] = await dataSource.query(`SELECT body FROM case_comments WHERE id = $1`, [comment.id]);
      expect(row.body).toBe('原话');
    });
  });

  describe('evidence', () => {
    let photo: Evidence;

    it('stores a PNG named report.pdf as image/png: the type comes from the content', async () => {
      const answer = await upload(complaint.id, { bytes: PNG, name: 'report.pdf', type: 'application/pdf' }, { caption: '  破损外包装照片  ' });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      photo = evidenceSchema.parse(answer.body);
      expect(photo).toMatchObject({
        caseId: complaint.id,
        uploadedBy: userId.quality,
        uploaderName: '张敏',
        fileName: 'report.pdf',
        caption: '破损外包装照片',
        mediaType: 'image/png',
        size: PNG.length,
        sha256: sha256(PNG),
      });

      const listed = await team.agent.get(`/cases/${complaint.number}/evidence`);
      expect(listed.status).toBe(200);
      expect(evidenceSchema.array().parse(listed.body)).toEqual([photo]);

      const timeline = timelineEntrySchema.array().parse((await team.agent.get(`/cases/${complaint.id}/timeline`)).body);
      expect(timeline.find((entry) => entry.type === 'evidence.added')).toMatchObject({
        actorId: userId.quality,
        data: {
          evidenceId: photo.id,
          fileName: 'report.pdf',
          caption: '破损外包装照片',
          mediaType: 'image/png',
          size: PNG.length,
          sha256: sha256(PNG),
        },
      });
    });

    it('serves the identical bytes under the detected type, inline, with nosniff and a sandbox', async () => {
      const response = await download(complaint.number, photo.id);
      expect(response.status).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(sha256(bytes)).toBe(photo.sha256);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('content-length')).toBe(String(PNG.length));
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe('sandbox');
      expect(response.headers.get('content-disposition')).toBe(`inline; filename*=UTF-8''report.pdf`);
    });

    it('keeps a Chinese file name and offers audio as a download rather than inline', async () => {
      const answer = await upload(complaint.id, { bytes: CALL_RECORDING, name: '客户来电录音(1).m4a' });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      expect(answer.body).toMatchObject({ fileName: '客户来电录音(1).m4a', mediaType: 'audio/mp4', caption: null });
      const response = await download(complaint.id, answer.body.id, 'admin');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('audio/mp4');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename*=UTF-8''${encodeURIComponent('客户来电录音')}%281%29.m4a`,
      );
      expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(CALL_RECORDING));
    });

    it('refuses executables and HTML renamed .jpg with 415, whatever type the client claims', async () => {
      for (const bytes of [ELF, WINDOWS_EXE, HTML]) {
        const answer = await upload(complaint.id, { bytes, name: 'photo.jpg', type: 'image/jpeg' });
        expect(answer.status).toBe(415);
        expect(answer.body).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE', message: 'This file type is not supported' });
      }
      expect((await upload(complaint.id, { bytes: Buffer.alloc(0), name: 'empty.png', type: 'image/png' })).status).toBe(415);
    });

    it('refuses a file over the limit with 413 FILE_TOO_LARGE, and accepts one at the limit', async () => {
      const atLimit = Buffer.alloc(MAX_EVIDENCE_BYTES);
      PNG.copy(atLimit);
      const tooLarge = Buffer.concat([atLimit, Buffer.from([0])]);
      const refused = await upload(complaint.id, { bytes: tooLarge, name: 'cctv.png' });
      expect(refused.status).toBe(413);
      expect(refused.body.code).toBe('FILE_TOO_LARGE');

      const accepted = await upload(complaint.id, { bytes: atLimit, name: 'cctv.png' });
      expect(accepted.status).toBe(201);
      expect(accepted.body.size).toBe(MAX_EVIDENCE_BYTES);
    });

    it('refuses an upload without a file, with a too-long caption, with unknown fields or a second file', async () => {
      const noFile = await upload(complaint.id, null, { caption: '只有说明' });
      expect(noFile.status).toBe(400);
      expect(noFile.body.details).toEqual([{ path: 'file', message: 'a file is required' }]);
      expect((await upload(complaint.id, { bytes: PNG, name: 'a.png' }, { caption: '长'.repeat(501) })).status).toBe(400);
      expect((await upload(complaint.id, { bytes: PNG, name: 'a.png' }, { uploadedBy: userId.head })).status).toBe(400);

      const form = new FormData();
      form.append('file', new Blob([PNG]), 'a.png');
      form.append('file', new Blob([PNG]), 'b.png');
      const twoFiles = await fetch(`${testApp.baseUrl}/api/cases/${complaint.id}/evidence`, {
        method: 'POST',
        headers: { cookie: cookie.quality },
        body: form,
      });
      expect(twoFiles.status).toBe(400);
    });

    it('refuses admin (403) and anonymous callers (401), and an unknown case (404)', async () => {
      const byAdmin = await upload(complaint.id, { bytes: PNG, name: 'a.png' }, {}, 'admin');
      expect(byAdmin.status).toBe(403);
      expect((await upload(complaint.id, { bytes: PNG, name: 'a.png' }, {}, null)).status).toBe(401);
      expect((await download(complaint.id, photo.id, null)).status).toBe(401);
      expect((await fetch(`${testApp.baseUrl}/api/cases/${complaint.id}/evidence`)).status).toBe(401);
      const unknownCase = await upload(randomUUID(), { bytes: PNG, name: 'a.png' });
      expect(unknownCase.status).toBe(404);
      expect(unknownCase.body.code).toBe('CASE_NOT_FOUND');
    });

    it('serves evidence only through its own case: another case or an unknown id is 404 EVIDENCE_NOT_FOUND', async () => {
      for (const [caseRef, evidenceId] of [
        [otherComplaint.id, photo.id],
        [complaint.id, randomUUID()],
        [complaint.id, 'not-an-id'],
      ]) {
        const response = await download(caseRef, evidenceId);
        expect(response.status).toBe(404);
        expect((await response.json()).code).toBe('EVIDENCE_NOT_FOUND');
      }
      expect((await team.agent.get(`/cases/${otherComplaint.id}/evidence`)).body).toEqual([]);
    });
  });

  it('leaves the hash-chained timeline intact after comments and uploads', async () => {
    const timeline = timelineEntrySchema.array().parse((await team.agent.get(`/cases/${complaint.id}/timeline`)).body);
    const types = new Set(timeline.map((entry) => entry.type));
    expect(types).toEqual(new Set(['case.created', 'comment.added', 'evidence.added']));
    const verification = await team.agent.get(`/cases/${complaint.id}/timeline/verify`);
    expect(verification.status).toBe(200);
    expect(verification.body).toMatchObject({ valid: true, events: timeline.length, brokenAtSeq: null });
  });
});
