export { discardStaging, type Leftovers, publishSite, stageSite, type Staging } from "./publish-site.ts";
