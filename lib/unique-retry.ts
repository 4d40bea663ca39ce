/** True for Prisma's unique-constraint violation (P2002), whichever engine reported it. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
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
