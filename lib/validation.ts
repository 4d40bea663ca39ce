import { z } from "zod";
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

// Dates and instants a newsroom deals in. ISO 8601 allows years PostgreSQL cannot store (year 0)
// and JavaScript dates reach years it prints as "+275760-09-13": both used to fail as a 500 at the
// database. Anything outside these years is a mistake or a probe, and refused as such.
export const FIRST_YEAR = 1800;
export const LAST_YEAR = 2999;
const YEARS = `from ${FIRST_YEAR} to ${LAST_YEAR}`;

/** A usable instant: a valid Date within the years above. */
export function isSaneInstant(date: Date): boolean {
  const time = date.getTime();
  if (Number.isNaN(time)) return false;
  const year = date.getUTCFullYear();
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

// A value the format check already refused gets only that message.
const unreadable = (value: string) => Number.isNaN(Date.parse(value));

/** A calendar day, `YYYY-MM-DD`, in the years above. */
export const calendarDateSchema = (message = "Use a date such as 2023-12-27") =>
  z.iso.date(message).refine((value) => unreadable(`${value}T00:00:00Z`) || isSaneInstant(new Date(`${value}T00:00:00Z`)), `${message}, in the years ${YEARS}`);

/** An ISO 8601 instant with its offset (`2026-03-03T08:30:00Z`), in the years above. */
export const instantSchema = (message = "Use an ISO 8601 instant such as 2026-03-03T08:30:00Z") =>
  z.iso.datetime({ offset: true, message }).refine((value) => unreadable(value) || isSaneInstant(new Date(value)), `${message}, in the years ${YEARS}`);
