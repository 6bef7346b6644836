import type { Progress } from './write.js';

/**
 * A progress bar on one line that redraws itself on a terminal; elsewhere (a CI log, a pipe) one
 * line per part and per tenth of the rows, so a log stays readable.
 */
export function progressLine(total: number, stream: NodeJS.WriteStream = process.stderr): Progress & { done(): void } {
  let written = 0;
  let lastLabel = '';
  let lastTenth = -1;
  let lastDraw = 0;
  const started = performance.now();
  const draw = (label: string) => {
    const share = total > 0 ? Math.min(1, written / total) : 1;
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(share * width);
      stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${written.toLocaleString('en')}/${total.toLocaleString('en')} rows ${seconds}s  ${label.padEnd(22)}`,
      );
    } else {
      stream.write(`${(share * 100).toFixed(0).padStart(3)}% ${written} of ${total} rows (${seconds} s): ${label}\n`);
    }
  };
  return {
    advance(label, rows) {
      written += rows;
      const tenth = Math.floor((written / Math.max(1, total)) * 10);
      const now = performance.now();
      const redraw = stream.isTTY
        ? now - lastDraw > 100 || label !== lastLabel
        : label !== lastLabel || tenth !== lastTenth;
      if (redraw) {
        draw(label);
        lastDraw = now;
      }
      lastLabel = label;
      lastTenth = tenth;
    },
    note(line) {
      stream.write(stream.isTTY ? `\r\x1b[2K${line}\n` : `${line}\n`);
    },
    done() {
      draw('done');
      if (stream.isTTY) stream.write('\n');
    },
  };
}
