import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { getWireItem } from "@/lib/wire-desk/get-wire-item";

// GET /api/v1/wire/items/{id}: one item as the desk opens it (copy, parse, suggestions, cluster, update diff); marks it seen.
export const GET = apiRoute<{ id: string }>(async (_request, actor, { id }) => NextResponse.json(await getWireItem({ actor, itemId: id })));
