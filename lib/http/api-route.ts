import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { AppError, isAppError } from "@/lib/errors";
import { asUnavailableError } from "@/lib/database-unavailable";
import { env } from "@/lib/env";
import { authenticateApiKey } from "@/lib/auth/authenticate-api-key";
import { currentActor } from "@/lib/auth/current-actor";
import type { Actor } from "@/lib/auth/permissions";

type Context<P> = { params: Promise<P> };
type Handler<P> = (request: NextRequest, actor: Actor, params: P) => Promise<Response>;

/** The error body every API failure shares: { error: { code, message, fields? } }. */
export function errorResponse(failure: unknown): Response {
  // A read outside a transaction that found no connection or no database is a 503 too (writes
  // arrive as one already: lib/db.ts).
  const error = asUnavailableError(failure) ?? failure;
  if (isAppError(error)) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } },
      { status: error.status, headers: error.retryAfterSeconds ? { "Retry-After": String(error.retryAfterSeconds) } : undefined },
    );
  }
  console.error(error);
  return NextResponse.json({ error: { code: "internal", message: "Something went wrong on our side" } }, { status: 500 });
}

/**
 * The origins this site is reached at: its configured address, and the host the browser asked
 * for (Next sits behind the front server on a loopback port, so its own idea of the URL is that
 * port's, not the one the browser used).
 */
function siteOrigins(request: NextRequest): string[] {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const protocol = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return [new URL(env().SITE_URL).origin, ...(host ? [`${protocol}://${host}`] : [])];
}

/**
 * Who is calling: an API key (`Authorization: Bearer …`), or the newsroom's own browser session.
 * A cookie-authenticated write must come from this site (Origin check), so another site cannot
 * make an editor's browser publish for it.
 */
async function actorFor(request: NextRequest): Promise<Actor> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = match ? await authenticateApiKey(match[1]) : null;
    if (!actor) throw new AppError("unauthorized", "The API key is missing, unknown or revoked");
    return actor;
  }
  const actor = await currentActor();
  if (!actor) throw new AppError("unauthorized", "Send an API key: Authorization: Bearer <key>");
  if (request.method !== "GET" && request.method !== "HEAD") {
    const origin = request.headers.get("origin");
    if (!origin || !siteOrigins(request).includes(origin)) throw new AppError("forbidden", "Cross-site request refused");
  }
  return actor;
}

/** Wraps a route handler: authenticates, runs it, and turns AppErrors into their status codes. */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: NextRequest, context: Context<P>): Promise<Response> => {
    try {
      const actor = await actorFor(request);
      return await handler(request, actor, await context.params);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** The request's JSON body; a 400 for anything that is not a JSON object. */
export async function readJsonObject(request: NextRequest): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    const text = await request.text();
    body = text.trim() ? JSON.parse(text) : {};
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON");
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new AppError("bad_request", "The request body must be a JSON object");
  return body as Record<string, unknown>;
}
