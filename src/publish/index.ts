export { discardStaging, type Leftovers, outputTarget, publishSite, recoverSite, stageSite, type Staging } from "./publish-site.ts";
