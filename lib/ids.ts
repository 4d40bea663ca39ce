import { AppError } from "@/lib/errors";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/** Story ids are UUIDs; anything else cannot name a story, so it is a 404 rather than a database error. */
export function assertStoryId(id: string): void {
  if (!isUuid(id)) throw new AppError("not_found", "No story with that id");
}
