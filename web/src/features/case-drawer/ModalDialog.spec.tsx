import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ModalDialog } from './ModalDialog.js';

function Page() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        打开
      </button>
      {open && (
        <ModalDialog labelledBy="dialog-title" className="dialog" onClose={() => setOpen(false)}>
          <h2 id="dialog-title">投诉单</h2>
          <button type="button">第一</button>
          <button type="button">最后</button>
        </ModalDialog>
      )}
    </>
  );
}

describe('ModalDialog', () => {
  it('takes focus, cycles Tab inside, makes the page inert, and on Escape gives focus back to its opener', async () => {
    const { container } = render(<Page />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '打开' }));

    const dialog = screen.getByRole('dialog', { name: '投诉单' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(container).toHaveAttribute('inert');
    expect(screen.getByRole('button', { name: '第一' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: '最后' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: '第一' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: '最后' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(container).not.toHaveAttribute('inert');
    expect(screen.getByRole('button', { name: '打开' })).toHaveFocus();
  });
});
