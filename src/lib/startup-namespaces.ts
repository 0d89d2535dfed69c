/**
 * The translations loaded before the first paint (the others come with
 * their routes). The build preloads them, in every language, beside the
 * entry (vite.config.ts), so they are not a round trip after it.
 */
export const STARTUP_NAMESPACES = ['common', 'auth'] as const;
