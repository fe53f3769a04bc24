import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { openapiDocument, openapiYaml } from "@kroma/contract";
import type { DefineRoute } from "../../core/router.js";

const swaggerUiDir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

const assetTypes = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
} as const;

// Assets come from the installed swagger-ui-dist package, so the page works without a network.
const referencePage = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Kroma API reference</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script>window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });</script>
</body>
</html>
`;

/** The spec itself and a human-readable reference rendered from it. */
export function docsRoutes(route: DefineRoute): void {
  const assets = new Map<string, Promise<string>>();
  const loadAsset = (name: keyof typeof assetTypes) => {
    let asset = assets.get(name);
    if (!asset) {
      asset = readFile(join(swaggerUiDir, name), "utf8");
      assets.set(name, asset);
    }
    return asset;
  };

  route("get", "/openapi.yaml", ({ context }) =>
    context.body(openapiYaml, 200, { "content-type": "application/yaml; charset=utf-8" }),
  );
  route("get", "/openapi.json", () => ({ status: 200, body: openapiDocument }));
  route("get", "/docs", ({ context }) => context.html(referencePage));
  route("get", "/docs/assets/{asset}", async ({ params, context }) =>
    context.body(await loadAsset(params.asset), 200, {
      "content-type": assetTypes[params.asset],
      "cache-control": "public, max-age=3600",
    }),
  );
}
