import { NextResponse } from "next/server";
import { apiRoute, readJsonObject } from "@/lib/http/api-route";
import { createWebhook, listWebhooks } from "@/lib/webhooks/manage-webhooks";

// GET /api/v1/webhooks: every endpoint with its latest deliveries; POST: add one (admins only).
export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_request, actor) => NextResponse.json({ webhooks: await listWebhooks({ actor }) }));

export const POST = apiRoute(async (request, actor) => {
  const webhook = await createWebhook({ actor, input: await readJsonObject(request) });
  return NextResponse.json(webhook, { status: 201, headers: { Location: `/api/v1/webhooks/${webhook.id}` } });
});
