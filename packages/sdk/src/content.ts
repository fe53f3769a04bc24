import type { Client } from "openapi-fetch";
import type { Call } from "./call.js";
import { recordsApi } from "./records.js";
import type { paths, Schema } from "./schema.js";

/**
 * Helpers for a project's content (prompt templates, provider accounts, style guides, characters,
 * reference sets and items, asset links, chat, agent instructions). Each returns the success body
 * and throws `KromaApiError` on failure.
 */
export function contentApi(raw: Client<paths>, call: Call) {
  const at = <P extends Record<string, string>>(slug: string, more?: P) => ({
    params: { path: { slug, ...more } as { slug: string } & P },
  });

  return {
    promptTemplates: recordsApi(
      raw,
      call,
      "/api/projects/{slug}/prompt-templates",
      "/api/projects/{slug}/prompt-templates/{templateId}",
      "templateId",
    ),
    providerAccounts: (({ create, ...calls }) => ({ ...calls, upsert: create }))(
      recordsApi(
        raw,
        call,
        "/api/projects/{slug}/provider-accounts",
        "/api/projects/{slug}/provider-accounts/{providerCode}",
        "providerCode",
      ),
    ),
    styleGuides: recordsApi(
      raw,
      call,
      "/api/projects/{slug}/style-guides",
      "/api/projects/{slug}/style-guides/{styleGuideId}",
      "styleGuideId",
    ),
    characters: recordsApi(
      raw,
      call,
      "/api/projects/{slug}/characters",
      "/api/projects/{slug}/characters/{characterId}",
      "characterId",
    ),
    referenceSets: {
      ...recordsApi(
        raw,
        call,
        "/api/projects/{slug}/reference-sets",
        "/api/projects/{slug}/reference-sets/{referenceSetId}",
        "referenceSetId",
      ),
      items: {
        list: (slug: string, referenceSetId: string) =>
          call(raw.GET("/api/projects/{slug}/reference-sets/{referenceSetId}/items", at(slug, { referenceSetId }))),
        create: (slug: string, referenceSetId: string, body: Schema<"CreateReferenceItemRequest">) =>
          call(
            raw.POST("/api/projects/{slug}/reference-sets/{referenceSetId}/items", {
              ...at(slug, { referenceSetId }),
              body,
            }),
          ),
        get: (slug: string, referenceSetId: string, itemId: string) =>
          call(
            raw.GET(
              "/api/projects/{slug}/reference-sets/{referenceSetId}/items/{itemId}",
              at(slug, { referenceSetId, itemId }),
            ),
          ),
        update: (slug: string, referenceSetId: string, itemId: string, body: Schema<"UpdateReferenceItemRequest">) =>
          call(
            raw.PUT("/api/projects/{slug}/reference-sets/{referenceSetId}/items/{itemId}", {
              ...at(slug, { referenceSetId, itemId }),
              body,
            }),
          ),
        remove: (slug: string, referenceSetId: string, itemId: string) =>
          call(
            raw.DELETE(
              "/api/projects/{slug}/reference-sets/{referenceSetId}/items/{itemId}",
              at(slug, { referenceSetId, itemId }),
            ),
          ),
      },
    },
    assetLinks: {
      list: (slug: string, query: { asset_id?: string; link_type?: Schema<"AssetLinkType"> } = {}) =>
        call(raw.GET("/api/projects/{slug}/asset-links", { params: { path: { slug }, query } })),
      create: (slug: string, body: Schema<"CreateAssetLinkRequest">) =>
        call(raw.POST("/api/projects/{slug}/asset-links", { ...at(slug), body })),
      get: (slug: string, linkId: string) =>
        call(raw.GET("/api/projects/{slug}/asset-links/{linkId}", at(slug, { linkId }))),
      update: (slug: string, linkId: string, body: Schema<"UpdateAssetLinkRequest">) =>
        call(raw.PUT("/api/projects/{slug}/asset-links/{linkId}", { ...at(slug, { linkId }), body })),
      remove: (slug: string, linkId: string) =>
        call(raw.DELETE("/api/projects/{slug}/asset-links/{linkId}", at(slug, { linkId }))),
    },
    chat: {
      listSessions: (slug: string) => call(raw.GET("/api/projects/{slug}/chat/sessions", at(slug))),
      createSession: (slug: string, body: Schema<"CreateChatSessionRequest"> = {}) =>
        call(raw.POST("/api/projects/{slug}/chat/sessions", { ...at(slug), body })),
      getSession: (slug: string, sessionId: string) =>
        call(raw.GET("/api/projects/{slug}/chat/sessions/{sessionId}", at(slug, { sessionId }))),
      listMessages: (slug: string, sessionId: string) =>
        call(raw.GET("/api/projects/{slug}/chat/sessions/{sessionId}/messages", at(slug, { sessionId }))),
      addMessage: (slug: string, sessionId: string, body: Schema<"CreateChatMessageRequest">) =>
        call(raw.POST("/api/projects/{slug}/chat/sessions/{sessionId}/messages", { ...at(slug, { sessionId }), body })),
    },
    agentInstructions: {
      list: (slug: string, query: { status?: Schema<"AgentInstructionStatus"> } = {}) =>
        call(raw.GET("/api/projects/{slug}/agent/instructions", { params: { path: { slug }, query } })),
      create: (slug: string, body: Schema<"CreateAgentInstructionRequest">) =>
        call(raw.POST("/api/projects/{slug}/agent/instructions", { ...at(slug), body })),
      get: (slug: string, instructionId: string) =>
        call(raw.GET("/api/projects/{slug}/agent/instructions/{instructionId}", at(slug, { instructionId }))),
      events: (slug: string, instructionId: string) =>
        call(raw.GET("/api/projects/{slug}/agent/instructions/{instructionId}/events", at(slug, { instructionId }))),
      confirm: (slug: string, instructionId: string, body: Schema<"AgentInstructionTransitionRequest"> = {}) =>
        call(
          raw.POST("/api/projects/{slug}/agent/instructions/{instructionId}/confirm", {
            ...at(slug, { instructionId }),
            body,
          }),
        ),
      cancel: (slug: string, instructionId: string, body: Schema<"AgentInstructionTransitionRequest"> = {}) =>
        call(
          raw.POST("/api/projects/{slug}/agent/instructions/{instructionId}/cancel", {
            ...at(slug, { instructionId }),
            body,
          }),
        ),
    },
    secrets: {
      /** Metadata and masked hints only; values never leave the server. */
      list: (slug: string) => call(raw.GET("/api/projects/{slug}/secrets", at(slug))),
      upsert: (slug: string, body: Schema<"UpsertSecretRequest">) =>
        call(raw.POST("/api/projects/{slug}/secrets", { ...at(slug), body })),
      remove: (slug: string, providerCode: string, secretName: string) =>
        call(
          raw.DELETE(
            "/api/projects/{slug}/secrets/{providerCode}/{secretName}",
            at(slug, { providerCode, secretName }),
          ),
        ),
      rotationStatus: (slug: string) => call(raw.GET("/api/projects/{slug}/secrets/rotation-status", at(slug))),
      rotate: (slug: string) => call(raw.POST("/api/projects/{slug}/secrets/rotate", at(slug))),
    },
    bootstrap: {
      /** The project's settings, the expected answer shape and a ready-to-paste prompt. */
      prompt: (slug: string) => call(raw.GET("/api/projects/{slug}/bootstrap-prompt", at(slug))),
      /** Imports settings (or an assistant's raw answer); `dry_run` reports without writing. */
      import: (slug: string, body: Schema<"BootstrapImportRequest">) =>
        call(raw.POST("/api/projects/{slug}/bootstrap-import", { ...at(slug), body })),
    },
  };
}
