import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { withdrawFromReview } from "@/lib/stories/review-stories";

/** POST /api/v1/stories/{id}/withdraw: the writer takes the story back from review (in review → draft). */
export const POST = apiRoute<{ id: string }>(async (_request, actor, { id }) => NextResponse.json(await withdrawFromReview({ actor, id })));
