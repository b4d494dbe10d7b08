export { datelinePlugin, type PluginOptions } from "./plugin.ts";
export { renderSite, type RenderOptions } from "./render-site.ts";
