import fs from "node:fs";
import path from "node:path";

/**
 * The shared wire samples (shared/wire beside the clone, as in CI; DATELINE_SHARED_WIRE names
 * another folder). Tests of them are skipped, saying so, where the folder is absent: a bare clone
 * of this repository must pass its unit tests.
 */
export const SHARED_WIRE = process.env.DATELINE_SHARED_WIRE ?? path.resolve(process.cwd(), "../shared/wire");
export const hasSharedWire = fs.existsSync(path.join(SHARED_WIRE, "expected.json"));
export const sharedWireNote = hasSharedWire ? "" : ` (skipped: no shared wire samples at ${SHARED_WIRE}; set DATELINE_SHARED_WIRE)`;
