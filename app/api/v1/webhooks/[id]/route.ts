import { NextResponse } from "next/server";
import { apiRoute, readJsonObject } from "@/lib/http/api-route";
import { deleteWebhook, getWebhook, updateWebhook } from "@/lib/webhooks/manage-webhooks";

// GET/PATCH/DELETE /api/v1/webhooks/{id} (admins only).
export const GET = apiRoute<{ id: string }>(async (_request, actor, { id }) => NextResponse.json(await getWebhook({ actor, id })));

export const PATCH = apiRoute<{ id: string }>(async (request, actor, { id }) => NextResponse.json(await updateWebhook({ actor, id, input: await readJsonObject(request) })));

export const DELETE = apiRoute<{ id: string }>(async (_request, actor, { id }) => {
  await deleteWebhook({ actor, id });
  return new Response(null, { status: 204 });
});
