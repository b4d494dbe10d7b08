export { publishInPlace } from "./publish-in-place.ts";
export { checkOwned, discardStaging, outputTarget, publishSite, recoverSite, stageSite } from "./publish-site.ts";
export type { Staging } from "./staging.ts";
export { hasMarker, readMarker } from "./site-marker.ts";
