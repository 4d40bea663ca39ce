/** True for Prisma's unique-constraint violation (P2002), whichever engine reported it. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  const { code, meta } = error as { code: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } };
  // Raw SQL (the bulk inserts) reports it as P2010, with the driver's own account underneath.
  const cause = meta?.driverAdapterError?.cause;
  return code === "P2002" || (code === "P2010" && (cause?.kind === "UniqueConstraintViolation" || cause?.originalCode === "23505"));
}

/**
 * Runs a transaction again when it lost a race for a unique value (two saves choosing the same
 * slug, two stories creating the same new tag at once). The retry sees the winner's row and
 * chooses around it; a clash that persists surfaces as the caller's own error.
 */
export async function retryOnUniqueViolation<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= attempts) throw error;
    }
  }
}
