import { NextResponse } from "next/server";
import { apiRoute, readJsonObject } from "@/lib/http/api-route";
import { listDeskFilters } from "@/lib/wire-desk/desk-filters/list-desk-filters";
import { saveDeskFilter } from "@/lib/wire-desk/desk-filters/save-desk-filter";

// GET /api/v1/wire/filters?desk=: the desks' saved filters ({ items }), one desk's with `desk`.
// POST /api/v1/wire/filters { desk?, name, query }: 201 with the saved filter; 409 for a name the desk has.
export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, actor) => NextResponse.json({ items: await listDeskFilters({ actor, desk: request.nextUrl.searchParams.get("desk") }) }));

export const POST = apiRoute(async (request, actor) => NextResponse.json(await saveDeskFilter({ actor, input: await readJsonObject(request) }), { status: 201 }));
