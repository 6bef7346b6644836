/**
 * Runs `stop` on SIGINT or SIGTERM, and also when the process that started this service (the
 * `npm start` launcher, over an IPC channel) goes away: a launcher killed with SIGKILL cannot pass
 * a signal on, and its services must not live on holding ports and databases.
 */
export function stopOn(stop: () => Promise<void> | void): void {
  let stopping = false;
  const once = () => {
    if (stopping) return;
    stopping = true;
    void stop();
  };
  process.on('SIGINT', once);
  process.on('SIGTERM', once);
  if (process.send) process.on('disconnect', once);
}
