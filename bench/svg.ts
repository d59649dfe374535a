// A small hand-written SVG line chart with logarithmic axes: no dependency.

export interface Series {
  label: string;
  color: string;
  dashed?: boolean;
  points: [number, number][];
}

export interface Panel {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
}

function tick(v: number): string {
  if (v >= 1e6) return `${v / 1e6}M`;
  if (v >= 1e3) return `${v / 1e3}k`;
  return String(v);
}

function panel(p: Panel, ox: number, width: number, height: number): string {
  const m = { left: 62, right: 12, top: 34, bottom: 46 };
  const w = width - m.left - m.right;
  const h = height - m.top - m.bottom;
  const xs = p.series.flatMap((s) => s.points.map(([x]) => x));
  const ys = p.series.flatMap((s) => s.points.map(([, y]) => y)).filter((y) => y > 0);
  const xTicks = decades(Math.min(...xs), Math.max(...xs));
  const yTicks = decades(Math.min(...ys), Math.max(...ys));
  const [x0, x1] = [Math.log10(xTicks[0]), Math.log10(xTicks[xTicks.length - 1])];
  const [y0, y1] = [Math.log10(yTicks[0]), Math.log10(yTicks[yTicks.length - 1])];
  const X = (x: number): number => ox + m.left + ((Math.log10(x) - x0) / (x1 - x0 || 1)) * w;
  const Y = (y: number): number => m.top + h - ((Math.log10(y) - y0) / (y1 - y0 || 1)) * h;
  const out: string[] = [];
  out.push(`<text x="${ox + m.left + w / 2}" y="18" text-anchor="middle" font-weight="bold">${esc(p.title)}</text>`);
  for (const t of xTicks) {
    out.push(`<line x1="${X(t)}" y1="${m.top}" x2="${X(t)}" y2="${m.top + h}" stroke="#ddd"/>`);
    out.push(`<text x="${X(t)}" y="${m.top + h + 16}" text-anchor="middle">${tick(t)}</text>`);
  }
  for (const t of yTicks) {
    out.push(`<line x1="${ox + m.left}" y1="${Y(t)}" x2="${ox + m.left + w}" y2="${Y(t)}" stroke="#ddd"/>`);
    out.push(`<text x="${ox + m.left - 6}" y="${Y(t) + 4}" text-anchor="end">${tick(t)}</text>`);
  }
  out.push(`<rect x="${ox + m.left}" y="${m.top}" width="${w}" height="${h}" fill="none" stroke="#888"/>`);
  out.push(`<text x="${ox + m.left + w / 2}" y="${height - 8}" text-anchor="middle">${esc(p.xLabel)}</text>`);
  out.push(`<text transform="translate(${ox + 14} ${m.top + h / 2}) rotate(-90)" text-anchor="middle">${esc(p.yLabel)}</text>`);
  p.series.forEach((s, i) => {
    const pts = s.points.filter(([, y]) => y > 0);
    const d = pts.map(([x, y], k) => `${k ? 'L' : 'M'}${X(x).toFixed(1)},${Y(y).toFixed(1)}`).join(' ');
    out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    for (const [x, y] of pts) out.push(`<circle cx="${X(x).toFixed(1)}" cy="${Y(y).toFixed(1)}" r="3" fill="${s.color}"/>`);
    const ly = m.top + 8 + i * 15;
    const lx = ox + m.left + 8;
    out.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 22}" y2="${ly}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    out.push(`<text x="${lx + 28}" y="${ly + 4}">${esc(s.label)}</text>`);
  });
  return out.join('\n');
}

export function chart(panels: Panel[], options: { width?: number; height?: number } = {}): string {
  const width = options.width ?? 460;
  const height = options.height ?? 340;
  const body = panels.map((p, i) => panel(p, i * width, width, height)).join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width * panels.length}" height="${height}" viewBox="0 0 ${width * panels.length} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}
