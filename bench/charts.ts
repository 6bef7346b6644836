/** The benchmarks' small SVG charts, readable without a browser's scripts. */

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Bars of throughput per workload, ours beside Hive's, with the ratio under each pair. */
export function throughputChart(rows: { workload: string; ours: number; hive: number }[], concurrency: number): string {
  const width = Math.max(640, 140 * rows.length + 80);
  const barArea = 300;
  const top = Math.max(...rows.flatMap((r) => [r.ours, r.hive]), 1);
  const group = (width - 80) / rows.length;
  const bars = rows
    .map((r, i) => {
      const x = 60 + i * group;
      const bar = (value: number, dx: number, colour: string) => {
        const h = (value / top) * barArea;
        return `<rect x="${x + dx}" y="${340 - h}" width="${group / 3}" height="${h}" fill="${colour}"><title>${value.toFixed(1)} per second</title></rect>
  <text x="${x + dx + group / 6}" y="${335 - h}" font-size="11" text-anchor="middle">${value.toFixed(value < 10 ? 1 : 0)}</text>`;
      };
      return `${bar(r.ours, 0, '#1f5f99')}
  ${bar(r.hive, group / 3 + 4, '#b35900')}
  <text x="${x + group / 3}" y="360" font-size="11" text-anchor="middle">${escape(r.workload)}</text>
  <text x="${x + group / 3}" y="376" font-size="11" text-anchor="middle">ratio ${(r.ours / r.hive).toFixed(2)}</text>`;
    })
    .join('\n  ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="400" font-family="sans-serif" role="img" aria-label="Throughput, our gateway and Hive Gateway">
  <title>Requests (write cycles) per second at concurrency ${concurrency}, ten distinct callers (higher is better)</title>
  <text x="10" y="20" font-size="14">Per second at concurrency ${concurrency}, distinct callers: ours (blue) and Hive Gateway (orange)</text>
  ${bars}
</svg>
`;
}

const COLOURS = ['#1f5f99', '#b35900', '#2e7d32', '#6a1b9a', '#c62828', '#00838f', '#5d4037', '#455a64', '#ad1457'];

/** RSS of each service over the soak, one line each, with the first-minute mark. */
export function rssChart(samples: { seconds: number; rssMiB: Record<string, number> }[]): string {
  const width = 720;
  const height = 380;
  const left = 60;
  const plotW = 480;
  const plotH = 300;
  const services = [...new Set(samples.flatMap((s) => Object.keys(s.rssMiB)))];
  const maxT = Math.max(...samples.map((s) => s.seconds), 1);
  const maxR = Math.max(...samples.flatMap((s) => Object.values(s.rssMiB)), 1);
  const x = (t: number) => left + (t / maxT) * plotW;
  const y = (r: number) => 30 + plotH - (r / maxR) * plotH;
  const lines = services
    .map((name, i) => {
      const colour = COLOURS[i % COLOURS.length] as string;
      const points = samples
        .filter((s) => s.rssMiB[name] !== undefined)
        .map((s) => `${x(s.seconds).toFixed(1)},${y(s.rssMiB[name] as number).toFixed(1)}`)
        .join(' ');
      return `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points}"><title>${escape(name)}</title></polyline>
  <text x="${left + plotW + 12}" y="${44 + i * 16}" font-size="11" fill="${colour}">${escape(name)}</text>`;
    })
    .join('\n  ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" role="img" aria-label="RSS of each service during the soak">
  <title>RSS (MiB) of each service during the soak</title>
  <text x="10" y="18" font-size="14">RSS (MiB) per service over ${maxT.toFixed(0)} s of mixed reads and writes</text>
  <line x1="${left}" y1="${30 + plotH}" x2="${left + plotW}" y2="${30 + plotH}" stroke="#333"/>
  <line x1="${left}" y1="30" x2="${left}" y2="${30 + plotH}" stroke="#333"/>
  <text x="${left - 6}" y="34" font-size="10" text-anchor="end">${maxR.toFixed(0)}</text>
  <text x="${left - 6}" y="${30 + plotH}" font-size="10" text-anchor="end">0</text>
  <text x="${left + plotW}" y="${45 + plotH}" font-size="10" text-anchor="end">${maxT.toFixed(0)} s</text>
  ${maxT > 60 ? `<line x1="${x(60)}" y1="30" x2="${x(60)}" y2="${30 + plotH}" stroke="#999" stroke-dasharray="4"/><text x="${x(60) + 3}" y="42" font-size="10">1 min</text>` : ''}
  ${lines}
</svg>
`;
}
