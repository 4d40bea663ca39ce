const SPACES = /\s+/g;

/** The slug line as takes are matched on: upper case, white space collapsed. */
export function slugKey(slugline: string): string {
  return slugline.trim().replace(SPACES, " ").toUpperCase();
}
