import type { DefineRoute } from "../router.js";
import type { ContentDeps } from "./project-lookup.js";

// Placeholder: being implemented.
export function authRoutes(_route: DefineRoute, _deps: ContentDeps): void {}
