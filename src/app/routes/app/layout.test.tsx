import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { addFault, setSwitches } from '@/mocks/node';
import { renderApp } from '@/testing/render-app';

describe('the signed-in layout', () => {
  it('says on every page when the profile cannot be read, and recovers on Retry', async () => {
    addFault({ method: 'GET', path: /^\/profile$/, kind: 'contract-break' });
    const { user } = renderApp('/events', { user: 'admin' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      /^Your profile could not be read, so amounts are shown without your currency\. The server sent a response the app does not understand/,
    );
    // No placeholder waits for a name that is not coming.
    expect(
      within(screen.getByRole('banner')).queryByText('Алексей Воронцов'),
    ).not.toBeInTheDocument();

    setSwitches({ faults: [] });
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(
      await within(screen.getByRole('banner')).findByText('Алексей Воронцов'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
