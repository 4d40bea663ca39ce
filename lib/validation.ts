import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

/** Field path → messages, the shape forms and the API's 422 share. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Parses input with a schema or throws a 422 AppError naming every failing field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError("validation_failed", "Some fields are not valid", fieldErrorsOf(result.error));
  }
  return result.data;
}

/** The same for schemas with asynchronous checks (a new password's strength). */
export async function parseInputAsync<S extends z.ZodType>(schema: S, input: unknown): Promise<z.infer<S>> {
  const result = await schema.safeParseAsync(input);
  if (!result.success) {
    throw new AppError("validation_failed", "Some fields are not valid", fieldErrorsOf(result.error));
  }
  return result.data;
}
