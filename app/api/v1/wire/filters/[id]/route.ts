import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { deleteDeskFilter } from "@/lib/wire-desk/desk-filters/delete-desk-filter";

// DELETE /api/v1/wire/filters/{id}: deletes a desk's saved filter ({ id, name }); 404 when there is none.
export const DELETE = apiRoute<{ id: string }>(async (_request, actor, { id }) => NextResponse.json(await deleteDeskFilter({ actor, id })));
