/**
 * A field's invalid state and description, matching the ids components/admin/field.tsx gives its
 * hint (`<id>-hint`) and error (`<id>-error`), so a screen reader reads both with the field.
 */
export function describedBy(id: string, errors: string[] | undefined, hasHint = false): { "aria-invalid"?: true; "aria-describedby"?: string } {
  const ids = [hasHint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return { ...(errors?.length ? { "aria-invalid": true as const } : {}), ...(ids.length ? { "aria-describedby": ids.join(" ") } : {}) };
}
