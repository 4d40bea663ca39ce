import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { setDeskState } from "@/lib/wire-desk/set-desk-state";

// POST /api/v1/wire/items/{id}/restore: restores the item's cluster on the desk (items already in a story stay as they are).
export const POST = apiRoute<{ id: string }>(async (_request, actor, { id }) => NextResponse.json(await setDeskState({ actor, itemId: id, action: "restore" })));
