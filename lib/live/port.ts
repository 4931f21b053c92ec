/**
 * The runtime port a shown panel holds open to the background. While at least one is connected the
 * background keeps the live channel to the backend; when the last one goes, it closes it.
 */
export const LIVE_PORT = 'goal-lens/live';
