import pg from "pg";

// The schema engine reads catalog columns of type `name` (OID 19) and `"char"` (OID 18), which
// adapter-pg 6.19 refuses to deserialise. Both are plain text on the wire, so report them as text.
const CATALOG_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

export class CatalogSafePool extends pg.Pool {
  // pg's overloads are awkward to restate; the override only rewrites field metadata of results.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as (...a: any[]) => any)(...args);
    if (result && typeof result.then === "function") {
      return result.then((res: pg.QueryResult) => {
        for (const field of res?.fields ?? []) {
          if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
        }
        return res;
      });
    }
    return result;
  }
}
