import { z } from "zod";
import { textSchema } from "@/lib/text-input";

export const correctionKinds = ["correction", "update"] as const;
export type CorrectionKind = (typeof correctionKinds)[number];

/**
 * A correction (something the story got wrong) or an update (something that changed since), as
 * plain text: whatever markup is sent in is kept as the characters it is and shown as text.
 */
export const addCorrectionSchema = z.object({
  kind: z.enum(correctionKinds, { message: "Kind must be correction or update" }),
  note: textSchema({ message: "Write the note readers will see", multiline: true }).min(1, "Write the note readers will see").max(2000, "At most 2,000 characters"),
});
export type AddCorrectionInput = z.input<typeof addCorrectionSchema>;
