import { z } from "zod";

export const correctionKinds = ["correction", "update"] as const;
export type CorrectionKind = (typeof correctionKinds)[number];

// C0 control characters other than tab and newline: invisible on a page, and invalid in XML (the feeds).
const controlCharacters = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * A correction (something the story got wrong) or an update (something that changed since), as
 * plain text: whatever markup is sent in is kept as the characters it is and shown as text.
 */
export const addCorrectionSchema = z.object({
  kind: z.enum(correctionKinds, { message: "Kind must be correction or update" }),
  note: z
    .string({ message: "Write the note readers will see" })
    .transform((text) => text.replace(/\r\n?/g, "\n").replace(controlCharacters, "").trim())
    .pipe(z.string().min(1, "Write the note readers will see").max(2000, "At most 2,000 characters")),
});
export type AddCorrectionInput = z.input<typeof addCorrectionSchema>;
