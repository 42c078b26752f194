import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardFilters as Filters, UserSummary } from '@app/shared';
import { BoardFilters, SEARCH_DELAY_MS } from './BoardFilters.js';

const users: UserSummary[] = [
  { id: '0b0f1f1e-8a6f-4f53-9a55-00000000a001', username: 'agent', displayName: '王晓燕', role: 'cs_agent', department: 'customer_service' },
  { id: '0b0f1f1e-8a6f-4f53-9a55-00000000a007', username: 'admin', displayName: '孙丽', role: 'admin', department: 'administration' },
];

function renderFilters(filters: Filters = {}) {
  const onChange = vi.fn();
  const view = render(<BoardFilters filters={filters} users={users} onChange={onChange} />);
  return { onChange, rerender: (next: Filters) => view.rerender(<BoardFilters filters={next} users={users} onChange={onChange} />) };
}

describe('BoardFilters', () => {
  afterEach(() => vi.useRealTimers());

  it('adds and removes a category, keeping the other filters', async () => {
    const { onChange } = renderFilters({ severity: ['serious'] });
    await userEvent.click(screen.getByText('类别', { selector: 'summary' }));
    await userEvent.click(screen.getByLabelText('破损'));
    expect(onChange).toHaveBeenLastCalledWith({ severity: ['serious'], category: ['damaged'] }, undefined);
  });

  it('drops a list filter once nothing in it is ticked', async () => {
    const { onChange } = renderFilters({ category: ['damaged'], mine: true });
    expect(screen.getByText('类别（1）')).toBeInTheDocument();
    await userEvent.click(screen.getByText('类别（1）', { selector: 'summary' }));
    await userEvent.click(screen.getByLabelText('破损'));
    expect(onChange).toHaveBeenLastCalledWith({ mine: true }, undefined);
  });

  it('offers owners but not the administrator, who takes no cases', async () => {
    renderFilters();
    await userEvent.click(screen.getByText('负责人', { selector: 'summary' }));
    const group = screen.getByRole('group', { name: '负责人' });
    expect(within(group).getByLabelText('王晓燕')).toBeInTheDocument();
    expect(within(group).queryByLabelText('孙丽')).not.toBeInTheDocument();
  });

  it('searches once typing pauses, replacing the history entry, and trims the text', () => {
    vi.useFakeTimers();
    const { onChange } = renderFilters({ sla: ['breached'] });
    const box = screen.getByLabelText('搜索');
    fireEvent.change(box, { target: { value: 'KD3' } });
    fireEvent.change(box, { target: { value: 'KD3312 ' } });
    expect(onChange).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(SEARCH_DELAY_MS));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith({ sla: ['breached'], q: 'KD3312' }, { replace: true });
  });

  it('shows a search that arrives from outside, e.g. a saved view', () => {
    const { rerender } = renderFilters();
    rerender({ q: '王芳' });
    expect(screen.getByLabelText('搜索')).toHaveValue('王芳');
  });

  it('sets dates, "mine", "watching" and swimlanes', async () => {
    const { onChange } = renderFilters();
    fireEvent.change(screen.getByLabelText('受理日期从'), { target: { value: '2026-11-01' } });
    expect(onChange).toHaveBeenLastCalledWith({ from: '2026-11-01' }, undefined);
    await userEvent.click(screen.getByLabelText('我负责的'));
    expect(onChange).toHaveBeenLastCalledWith({ mine: true }, undefined);
    await userEvent.click(screen.getByLabelText('我关注的'));
    expect(onChange).toHaveBeenLastCalledWith({ watching: true }, undefined);
    await userEvent.selectOptions(screen.getByLabelText('泳道'), '按负责人');
    expect(onChange).toHaveBeenLastCalledWith({ swimlane: 'owner' }, undefined);
  });

  it('clears the filters but keeps the swimlanes', async () => {
    const { onChange } = renderFilters({ category: ['lost'], q: 'x', swimlane: 'severity' });
    await userEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    expect(onChange).toHaveBeenLastCalledWith({ swimlane: 'severity' });
  });

  it('offers no clearing when nothing is filtered', () => {
    renderFilters({ swimlane: 'owner' });
    expect(screen.queryByRole('button', { name: '清除筛选' })).not.toBeInTheDocument();
  });
});
