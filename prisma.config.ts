import "dotenv/config";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { CatalogSafePool } from "./prisma/catalog-safe-pool";

// Prisma's WebAssembly schema engine runs migrations over this driver adapter, so the CLI
// needs no native engine download (see README, "Configuration").
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: prisma needs a database to migrate");
    return new PrismaPg(new CatalogSafePool({ connectionString }));
  },
});
