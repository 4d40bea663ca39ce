import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { resendDelivery } from "@/lib/webhooks/deliver-webhook";

// POST /api/v1/webhooks/deliveries/{id}/resend: sends a delivery again, under its own webhook-id (admins only).
export const POST = apiRoute<{ id: string }>(async (_request, actor, { id }) => NextResponse.json(await resendDelivery({ actor, id }), { status: 202 }));
