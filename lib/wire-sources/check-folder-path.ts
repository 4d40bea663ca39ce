import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

// A folder source moves every file it finds into done/ and puts its text on the desk, where every
// writer reads it: pointed at the wrong folder it would carry off the app's own secrets or a
// system's files. The settings schema checks the path's form; this checks where it leads.

/** System folders no agency drops copy into: refused, and so is anything inside them. */
const SYSTEM = ["/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/proc", "/root", "/run", "/sbin", "/sys", "/usr", "/var/lib", "/var/log"];

const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : `${parent}${path.sep}`);
/** The path with its links followed as far as it exists (a link into /etc is /etc). */
function real(folder: string): string {
  const resolved = path.resolve(folder);
  try {
    return fs.realpathSync(resolved);
  } catch {
    return resolved;
  }
}

const refuse = (message: string) => new AppError("validation_failed", message, { path: [message] });

/**
 * Whether a folder source may watch `folder`: within WIRE_FOLDER_ROOT (one or several, separated
 * by ":"), where that is set; never the root, a system folder, the app's own folder or data
 * folder (its secrets), a file, or a folder another source watches, inside or around it.
 */
export async function checkFolderPath(folder: string, options: { sourceId?: string } = {}): Promise<void> {
  const target = real(folder);
  const roots = (process.env.WIRE_FOLDER_ROOT ?? "").split(":").filter(Boolean).map(real);
  if (roots.length && !roots.some((root) => inside(target, root))) throw refuse(`Folders must be inside ${roots.join(" or ")} (WIRE_FOLDER_ROOT)`);
  if (target === path.parse(target).root) throw refuse("The root folder cannot be a drop folder: choose the folder the agency's files land in");
  const system = SYSTEM.find((dir) => inside(target, dir));
  if (system) throw refuse(`${system} is a system folder: choose the folder the agency's files land in`);
  for (const own of [real(process.cwd()), real(process.env.DATA_DIR || ".data")]) {
    if (inside(target, own) || inside(own, target)) throw refuse("The app's own folder (and its data, which holds its secrets) cannot be a drop folder");
  }
  if (fs.existsSync(target) && !fs.statSync(target).isDirectory()) throw refuse("This is a file, not a folder: give the folder the agency's files land in");
  const others = await db.wireSource.findMany({ where: { kind: "folder", ...(options.sourceId ? { id: { not: options.sourceId } } : {}) }, select: { name: true, settings: true } });
  for (const other of others) {
    const otherPath = (other.settings as { path?: unknown } | null)?.path;
    if (typeof otherPath !== "string") continue;
    const theirs = real(otherPath);
    if (inside(target, theirs) || inside(theirs, target)) throw refuse(`The source “${other.name}” watches ${otherPath}: two sources cannot share a folder, nor one sit inside the other's`);
  }
}
