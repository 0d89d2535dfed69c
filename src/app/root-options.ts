// A render error is shown by the page's error view. React and React Router
// would also log it with its stack trace: only in development.
export const quiet = import.meta.env.DEV ? undefined : () => undefined;

/** The options of every React root of the app, rendered or hydrated. */
export const rootOptions = { onCaughtError: quiet };
