import fs from "node:fs";
import path from "node:path";
import { parseWireItem } from "@/lib/wire/parse-wire-item";
const receivedAt = new Date("2026-03-10T12:00:00Z");
const docs = fs.readdirSync("prisma/seed/wire").map((f) => fs.readFileSync(path.join("prisma/seed/wire", f), "utf8"));
for (let i = 0; i < 500; i++) parseWireItem(docs[i % docs.length], { receivedAt });
let n = 0; const start = performance.now();
while (performance.now() - start < 3000) { parseWireItem(docs[n % docs.length], { receivedAt }); n++; }
console.log(Math.round(n / ((performance.now() - start) / 1000)), "items/s");
