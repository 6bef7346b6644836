/** The message a service sends its launcher once it answers on its port. */
export interface ReadyMessage {
  type: 'ready';
}

/**
 * Tells the launcher (`npm start`), over the IPC channel it opened, that this service now answers:
 * it learns so at once instead of polling every service's /health. Run any other way, a no-op.
 */
export function announceReady(): void {
  const message: ReadyMessage = { type: 'ready' };
  process.send?.(message);
}
