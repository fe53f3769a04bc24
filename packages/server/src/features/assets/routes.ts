import type { ContentDeps } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { AssetFileVerifier } from "./asset-file.js";
import { assetLookup } from "./asset-lookup.js";
import { fileRoute } from "./file-route.js";
import { thumbnailRoute } from "./thumbnail-route.js";

/** An asset's bytes and thumbnails; one verifier, so a file hashed for one route is known to the other. */
export function assetFileRoutes(route: DefineRoute, deps: ContentDeps): void {
  const lookup = assetLookup(deps);
  const verifier = new AssetFileVerifier();
  fileRoute(route, lookup, verifier);
  thumbnailRoute(route, lookup, verifier);
}
