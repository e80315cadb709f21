import type { BarChart } from './document';
import { escapeHtml, renderInlines, type RenderContext } from './inlineHtml';
import { reportLabel } from './labels';

const width = 640;
const labelWidth = 230;
const valueWidth = 110;
const barHeight = 14;
const rowHeight = 22;
const titleHeight = 26;

/** At most `max` characters, whole code points. */
function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/**
 * A horizontal bar chart as inline SVG: one bar per key, the certain count dark and the
 * records that may count ("up to") lighter behind it. Presentation attributes only, no
 * `style`, so it passes a CSP without 'unsafe-inline'; text is escaped like everything else.
 */
export function barChartSvg(chart: BarChart, context: RenderContext): string {
  const max = Math.max(1, ...chart.bars.map((bar) => bar.value.count + bar.value.uncertain));
  const area = width - labelWidth - valueWidth;
  const height = titleHeight + chart.bars.length * rowHeight + 4;
  const title = renderInlines(chart.title, context, true);
  const rows = chart.bars
    .map((bar, i) => {
      const y = titleHeight + i * rowHeight;
      const certain = (bar.value.count / max) * area;
      const upper = ((bar.value.count + bar.value.uncertain) / max) * area;
      const label = renderInlines(bar.label, context, true);
      const value =
        bar.value.uncertain > 0
          ? `${bar.value.count} (${reportLabel(context.lang, 'review.upTo', { n: String(bar.value.count + bar.value.uncertain) })})`
          : String(bar.value.count);
      return (
        `<text x="${labelWidth - 8}" y="${y + barHeight - 3}" text-anchor="end">${escapeHtml(shorten(label, 38))}</text>` +
        (upper > certain
          ? `<rect x="${labelWidth}" y="${y}" width="${upper.toFixed(1)}" height="${barHeight}" fill="#b9c7d8"/>`
          : '') +
        `<rect x="${labelWidth}" y="${y}" width="${certain.toFixed(1)}" height="${barHeight}" fill="#2f5d8a"/>` +
        `<text x="${(labelWidth + upper + 6).toFixed(1)}" y="${y + barHeight - 3}">${escapeHtml(value)}</text>`
      );
    })
    .join('');
  return (
    `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(title)}">` +
    `<text x="0" y="16" class="chart-title">${escapeHtml(title)}</text>${rows}</svg></figure>`
  );
}
