export { datelinePlugin, type PluginOptions } from "./plugin.ts";
export { packageRoot, renderSite, type RenderOptions } from "./render-site.ts";
