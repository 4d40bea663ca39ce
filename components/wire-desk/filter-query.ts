import type { QueueFilter } from "@/lib/wire-desk/schemas";

const ORDER = ["q", "agency", "priority", "category", "source", "desk", "state"] as const;

/** A filter as the desk's query string, fields always in one order and blanks left out (so two equal filters read alike). */
export function filterQuery(filter: QueueFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  return params;
}
