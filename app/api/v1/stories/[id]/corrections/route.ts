import { apiRoute, readJsonObject } from "@/lib/http/api-route";
import { answerResponse, idempotentCreate } from "@/lib/http/idempotent-create";
import { addCorrection } from "@/lib/corrections/add-correction";

export const POST = apiRoute<{ id: string }>(
  idempotentCreate(async (request, actor, { id }, idempotency) => {
    const correction = await addCorrection({
      actor,
      storyId: id,
      input: await readJsonObject(request),
      inTransaction: idempotency && ((tx, note) => idempotency.record(tx, { status: 201, body: note })),
    });
    return answerResponse({ status: 201, body: correction });
  }),
);
