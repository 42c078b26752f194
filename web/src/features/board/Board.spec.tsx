import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CaseCard } from '@app/shared';
import { Board } from './Board.js';

const card = (overrides: Partial<CaseCard>): CaseCard => ({
  id: '0b0f1f1e-8a6f-4f53-9a55-1c1a5f0a0001',
  number: 'CP-20261123-0001',
  title: '包裹破损',
  column: 'intake',
  severity: 'serious',
  category: 'damaged',
  channel: 'phone',
  customerName: '王芳',
  customerCaseCount: 1,
  ownerId: null,
  ownerName: null,
  owningDepartment: 'customer_service',
  createdAt: '2026-11-23T01:00:00.000Z',
  updatedAt: '2026-11-23T01:00:00.000Z',
  version: 1,
  waybill: 'KD7700123000001',
  watcherIds: [],
  commentCount: 0,
  evidenceCount: 0,
  slaState: 'ok',
  slaDueAt: '2026-11-24T01:00:00.000Z',
  firstResponseDueAt: '2026-11-23T03:00:00.000Z',
  firstRespondedAt: null,
  resolvedAt: null,
  ...overrides,
});

describe('Board', () => {
  it('shows the six columns in flow order with zh-CN labels', () => {
    render(<Board cases={[]} />);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.firstChild?.textContent);
    expect(headings).toEqual(['受理', '调查核实', '赔偿审批', '整改', '回访', '结案']);
  });

  it('puts each case in its column', () => {
    render(
      <Board
        cases={[
          card({ title: '包裹破损' }),
          card({ id: '0b0f1f1e-8a6f-4f53-9a55-1c1a5f0a0002', number: 'CP-20261123-0002', title: '延误三天', column: 'follow_up' }),
        ]}
      />,
    );
    const followUp = screen.getByRole('region', { name: /回访/ });
    expect(within(followUp).getByText('延误三天')).toBeInTheDocument();
    expect(within(followUp).queryByText('包裹破损')).not.toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: /受理/ })).getByText('包裹破损')).toBeInTheDocument();
  });
});
