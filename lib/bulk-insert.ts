import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db";

type Value = string | number | boolean | Date | null | undefined;
/** `cast` names a type the text is cast to in the insert (an enum: `'"WireChannel"'`). */
export type Column<Row> = { name: string; type: "uuid" | "text" | "int" | "timestamp" | "date" | "jsonb"; cast?: string; value: (row: Row) => Value | object };

/**
 * Inserts many rows with one array parameter per column (`INSERT … SELECT … FROM unnest(…)`):
 * a few parameters however many rows, where a multi-row VALUES list would need thousands and
 * spend more time building the statement than Postgres spends running it.
 */
export async function bulkInsert<Row>(tx: Tx, table: string, columns: Column<Row>[], rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const names = Prisma.raw(columns.map((c) => `"${c.name}"`).join(", "));
  const arrays = columns.map((column) => {
    const values = rows.map((row) => {
      const value = column.value(row);
      if (value === null || value === undefined) return null;
      if (value instanceof Date) return value.toISOString();
      if (column.type === "jsonb") return JSON.stringify(value);
      return value;
    });
    // Dates and JSON travel as text and are cast back by the column's own type.
    const arrayType = column.type === "int" ? "int4[]" : column.type === "uuid" ? "uuid[]" : "text[]";
    return Prisma.sql`${values}::${Prisma.raw(arrayType)}`;
  });
  const casts = Prisma.raw(
    columns
      .map((c, i) => (c.cast ? `c${i}::${c.cast}` : c.type === "timestamp" ? `c${i}::timestamp(3)` : c.type === "date" ? `c${i}::date` : c.type === "jsonb" ? `c${i}::jsonb` : `c${i}`))
      .join(", "),
  );
  const aliases = Prisma.raw(columns.map((_, i) => `c${i}`).join(", "));
  await tx.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${names}) SELECT ${casts} FROM unnest(${Prisma.join(arrays)}) AS rows(${aliases})`;
}
