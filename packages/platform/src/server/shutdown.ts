/** A stop that has not finished by then is cut short: a SIGTERMed service is gone within 5 s. */
export const STOP_DEADLINE_MS = 4500;

/**
 * Runs `stop` on SIGINT or SIGTERM, and also when the process that started this service (the
 * `npm start` launcher, over an IPC channel) goes away: a launcher killed with SIGKILL cannot pass
 * a signal on, and its services must not live on holding ports and databases. It is the one stop
 * path (Apollo's own signal handlers are off, see hardening.ts); a second signal changes nothing.
 */
export function stopOn(stop: () => Promise<void> | void): void {
  let stopping = false;
  const once = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      process.stderr.write(`stopping took longer than ${STOP_DEADLINE_MS} ms; exiting without waiting further\n`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    void Promise.resolve()
      .then(stop)
      .catch((error: unknown) => {
        process.stderr.write(`stopping failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      });
  };
  process.on('SIGINT', once);
  process.on('SIGTERM', once);
  if (process.send) process.on('disconnect', once);
}
