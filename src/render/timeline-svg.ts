import type { Timeline } from "../article.ts";
import { escapeHtml as escape } from "../text/escape-html.ts";
import type { Translate } from "./translator.ts";

const barWidth = 10;
const gap = 2;
const height = 48;


/**
 * A bar chart of a timeline as inline SVG, made at build time so the page needs no script. Each bar
 * carries its period and count as a tooltip; the whole chart is labelled for screen readers.
 */
export function timelineSvg(timeline: Timeline, name: string, t: Translate): string {
  const width = Math.max(1, timeline.bars.length * (barWidth + gap) - gap);
  const bars = timeline.bars.map((bar, i) => {
    // Every period with articles shows at least a sliver, so a single story is visible.
    const h = bar.count === 0 ? 0 : Math.max(2, Math.round((bar.count / Math.max(1, timeline.max)) * height));
    const x = i * (barWidth + gap);
    const label = `${escape(bar.label)}: ${t("articles", { count: bar.count })}`;
    return `<rect x="${x}" y="${height - h}" width="${barWidth}" height="${h}"><title>${label}</title></rect>`;
  });
  const summary = escape(t("entity.timeline.label", { name, max: timeline.max }));
  return `<svg class="timeline-chart" viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" role="img" aria-label="${summary}">${bars.join("")}</svg>`;
}
