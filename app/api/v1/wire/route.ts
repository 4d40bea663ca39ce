import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { idempotentCreate } from "@/lib/http/idempotent-create";
import { isSaneInstant } from "@/lib/validation";
import { ingestWireItem, MAX_WIRE_BYTES } from "@/lib/wire-ingest/ingest-wire-item";
import { wirePathOfRequest } from "@/lib/wire-ingest/wire-path";

/**
 * POST /api/v1/wire: agency copy (text/plain) or NINJS (application/json) in, a draft story out.
 * An Idempotency-Key's answer is recorded once ingest has answered (idempotentCreate): ingest is
 * several transactions, and stores the same copy only once whatever happens between them.
 */
export const POST = apiRoute(idempotentCreate(async (request, actor) => {
  const receivedAtParam = request.nextUrl.searchParams.get("receivedAt");
  const receivedAt = receivedAtParam ? new Date(receivedAtParam) : new Date();
  if (receivedAtParam && (!isSaneInstant(receivedAt) || !/^\d{4}-\d{2}-\d{2}/.test(receivedAtParam))) {
    throw new AppError("validation_failed", "receivedAt must be an ISO 8601 instant", { receivedAt: ["Use an instant such as 2026-03-03T08:30:00Z"] });
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_WIRE_BYTES) throw new AppError("validation_failed", "The item is larger than 1 MB", { body: ["The item is larger than 1 MB"] });
  const raw = new Uint8Array(await request.arrayBuffer());
  // A form's body is no copy: its boundary would become the headline, its fields the text.
  const contentType = request.headers.get("content-type") ?? "";
  if (/^(?:multipart\/|application\/x-www-form-urlencoded)/i.test(contentType)) {
    throw new AppError("unsupported_media_type", "Send the copy itself as the body (text/plain, application/json or application/xml), not a form", { body: ["Send the copy itself as the body, not a form"] });
  }
  // Declared JSON must be JSON; the parser would otherwise read it as plain copy.
  if (/^application\/(.+\+)?json/i.test(contentType) && !/^\s*[{[]/.test(Buffer.from(raw.subarray(0, 64)).toString("utf8"))) {
    throw new AppError("validation_failed", "The item is not valid JSON: the body was declared application/json", { body: ["The item is not valid JSON"] });
  }
  // The path it came by (this API key, or the newsroom's session): an item's versions belong to it.
  const via = await wirePathOfRequest(request.headers.get("authorization"));
  const result = await ingestWireItem({ actor, via, raw, receivedAt });
  return NextResponse.json(
    { ...result.story, ingest: { outcome: result.outcome, wireItemId: result.wireItemId, ...(result.items ? { items: result.items } : {}) } },
    { status: result.outcome === "created" ? 201 : 200, headers: { Location: `/api/v1/stories/${result.story.id}` } },
  );
}));
