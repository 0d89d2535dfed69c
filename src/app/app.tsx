import { StrictMode } from 'react';
import { RouterProvider, type DataRouter } from 'react-router';

import { quiet } from './root-options';

/** The app on a router: in the browser, or prerendered at build time. */
export function App({ router }: { router: DataRouter }) {
  return (
    <StrictMode>
      <RouterProvider router={router} onError={quiet} />
    </StrictMode>
  );
}
