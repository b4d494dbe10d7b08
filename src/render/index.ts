export { datelinePlugin, type PluginOptions } from "./plugin.ts";
export { renderSite, type RenderOptions, type RenderSummary } from "./render-site.ts";
