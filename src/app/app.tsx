import { StrictMode } from 'react';
import { RouterProvider, type DataRouter } from 'react-router';

// A render error is shown by the route's error view. React and React
// Router would also log it with its stack trace: only in development.
const quiet = import.meta.env.DEV ? undefined : () => undefined;

/** The options of the app's React root, rendered or hydrated. */
export const rootOptions = { onCaughtError: quiet };

/** The app on a router: in the browser, or prerendered at build time. */
export function App({ router }: { router: DataRouter }) {
  return (
    <StrictMode>
      <RouterProvider router={router} onError={quiet} />
    </StrictMode>
  );
}
