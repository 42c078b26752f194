import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caseDetail, fakeServer, json, PEOPLE, renderSignedIn } from './drawer-test-kit.js';
import { CommentsPanel } from './CommentsPanel.js';

const CASE_ID = caseDetail().id;
const COMMENTS_URL = `/api/cases/${CASE_ID}/comments`;

function renderComments(author = PEOPLE.agent) {
  const server = fakeServer({
    [`POST ${COMMENTS_URL}`]: (body) =>
      json(201, {
        id: '3c0f1f1e-8a6f-4f53-9a55-1c1a5f0a0001',
        caseId: CASE_ID,
        authorId: PEOPLE.agent.id,
        authorName: PEOPLE.agent.displayName,
        body: (body as { body: string }).body,
        mentions: [PEOPLE.operations.id],
        createdAt: '2026-11-23T03:00:00.000Z',
      }),
  });
  const onAdded = vi.fn();
  const view = renderSignedIn(author, <CommentsPanel caseId={CASE_ID} users={Object.values(PEOPLE)} refreshKey="1" onAdded={onAdded} />);
  return { ...view, ...server, onAdded, box: () => screen.getByRole('textbox', { name: '添加评论' }) };
}

describe('CommentsPanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers colleagues after @, by username or name, and inserts the chosen @username', async () => {
    const { user, box: boxOf } = renderComments();
    const box = boxOf();
    await user.type(box, '请 @刘');
    expect(screen.getByRole('listbox')).toHaveTextContent('刘强 @operations');
    expect(box).toHaveAttribute('aria-activedescendant', screen.getByRole('option', { name: /刘强/ }).id);
    await user.keyboard('{Enter}');
    expect(box).toHaveValue('请 @operations ');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
  });

  it('moves through the suggestions with the arrows and closes them with Escape', async () => {
    const { user, box: boxOf } = renderComments();
    const box = boxOf();
    await user.type(box, '@');
    const options = screen.getAllByRole('option');
    expect(options.length).toBeGreaterThan(1);
    await user.keyboard('{ArrowDown}');
    expect(screen.getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(box).toHaveValue('@');
  });

  it('sends the comment with Ctrl+Enter and shows it with the mention marked', async () => {
    const { user, box: boxOf, sent, onAdded } = renderComments();
    const box = boxOf();
    await user.type(box, '@operations{Escape} 请核实分拣记录');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('@operations', { selector: 'mark' })).toBeInTheDocument();
    expect(sent('POST', COMMENTS_URL)).toEqual([{ body: '@operations 请核实分拣记录' }]);
    expect(box).toHaveValue('');
    expect(onAdded).toHaveBeenCalledTimes(1);
  });

  it('lets the admin, who takes no part in cases, read comments but not write them', async () => {
    renderComments(PEOPLE.admin);
    expect(await screen.findByText('暂无评论')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: '添加评论' })).not.toBeInTheDocument();
  });
});
