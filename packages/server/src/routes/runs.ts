import { isAbsolute, resolve } from "node:path";
import { listResolvedSettings, validatePipelineConfig } from "@kroma/pipeline";
import { validationError } from "../errors.js";
import type { DefineRoute } from "../router.js";
import { checkStoragePath, resolveProjectRoot } from "../storage-paths.js";
import { type ContentDeps, requireProject } from "./project-lookup.js";

const pathFields = ["app_settings_path", "project_settings_path", "manifest_path", "postprocess_config_path"] as const;

export function runRoutes(route: DefineRoute, deps: ContentDeps): void {
  route("post", "/api/projects/{slug}/runs/validate-config", async ({ params, body }) => {
    const paths = requestPaths(deps.appRoot, body ?? {});
    const project = await requireProject(deps, params.slug);
    const projectRoot = resolveProjectRoot(deps.appRoot, await deps.storage.get(project.id), project.slug);
    const result = await validatePipelineConfig({
      appRoot: deps.appRoot,
      projectRoot,
      appSettingsPath: paths.app_settings_path,
      projectSettingsPath: paths.project_settings_path,
      manifestPath: paths.manifest_path,
      postprocessConfigPath: paths.postprocess_config_path,
    });
    return {
      status: 200,
      body: {
        ok: true,
        summary: {
          valid: result.ok,
          project_root: projectRoot,
          app_settings_loaded: result.app_settings_loaded,
          project_settings_loaded: result.project_settings_loaded,
          resolved_manifest_path: result.resolved_manifest_path,
          resolved_postprocess_config_path: result.resolved_postprocess_config_path,
          manifest_loaded: result.manifest_loaded,
          postprocess_config_loaded: result.postprocess_config_loaded,
          problems: result.problems,
          settings: listResolvedSettings(result.settings),
        },
      },
    };
  });
}

/** Paths a request names stay inside the app root: relative, without `..` (the storage path rule). */
function requestPaths(appRoot: string, body: Partial<Record<(typeof pathFields)[number], string>>) {
  const paths: Partial<Record<(typeof pathFields)[number], string>> = {};
  for (const field of pathFields) {
    const value = body[field]?.trim();
    if (!value) continue;
    if (isAbsolute(value)) throw validationError(`Field '${field}' must be relative to the app root`, { field });
    paths[field] = resolve(appRoot, checkStoragePath(field, value));
  }
  return paths;
}
