export { discardStaging, publishSite, stageSite, type Staging } from "./publish-site.ts";
