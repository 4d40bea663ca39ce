import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { listDeliveries } from "@/lib/webhooks/manage-webhooks";

// GET /api/v1/webhooks/{id}/deliveries?limit=N: the endpoint's deliveries, newest first, each with its attempts.
export const GET = apiRoute<{ id: string }>(async (request, actor, { id }) => {
  const limit = Math.trunc(Number(new URL(request.url).searchParams.get("limit") ?? 50));
  return NextResponse.json({ deliveries: await listDeliveries({ actor, id, limit: Number.isFinite(limit) ? limit : 50 }) });
});
