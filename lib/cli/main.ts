import "dotenv/config";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { isAppError } from "@/lib/errors";
import { SYSTEM } from "@/lib/auth/permissions";
import { resolveDatabase } from "@/scripts/embedded-database";
import { migrate } from "@/scripts/migrate";

const usage = `usage:
  npm run --silent cli -- wire parse FILE [--received-at ISO]
  npm run --silent cli -- wire ingest PATH... [--received-at ISO]
  npm run --silent cli -- wire check FOLDER
  npm run --silent cli -- user create --email E --role writer|editor|admin --password P [--name N]
  npm run --silent cli -- user set-password --email E --password P
  npm run --silent cli -- apikey create --email E`;

/** A failure the operator can act on, said in one line. */
class CliError extends Error {}

type Command = { database: boolean; run: (args: string[]) => Promise<number | void> };

function receivedAtOption(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) throw new CliError(`--received-at must be an ISO 8601 instant such as 2026-03-03T08:30:00Z, not "${value}"`);
  return date;
}

const commands: Record<string, Command> = {
  "wire parse": {
    database: false,
    run: async (args) => {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { "received-at": { type: "string" } } });
      if (positionals.length !== 1) throw new CliError("wire parse takes exactly one FILE");
      const receivedAt = receivedAtOption(values["received-at"]);
      const { MAX_ITEM_BYTES } = await import("@/lib/wire/read-input");
      let raw: Buffer;
      try {
        // A device or a FIFO is no file of copy: /dev/zero would be read without end.
        const stat = fs.statSync(positionals[0]);
        if (!stat.isFile()) throw new CliError(`cannot read ${positionals[0]}: not a regular file`);
        if (stat.size > MAX_ITEM_BYTES) throw new CliError("the item is larger than 1 MB");
        raw = fs.readFileSync(positionals[0]);
      } catch (error) {
        if (error instanceof CliError) throw error;
        throw new CliError(`cannot read ${positionals[0]}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
      }
      const { parseWires, WireError } = await import("@/lib/wire");
      try {
        // One item prints as its object; a delivery of several (a NewsML-G2 newsMessage) as a list of them.
        const parses = parseWires(raw, { receivedAt });
        console.log(JSON.stringify(parses.length === 1 ? parses[0] : parses, null, 2));
      } catch (error) {
        if (error instanceof WireError) throw new CliError(error.message);
        throw error;
      }
    },
  },
  "wire check": {
    database: false,
    run: async (args) => {
      const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
      if (positionals.length !== 1) throw new CliError("wire check takes exactly one FOLDER holding an expected.json (or folders that do)");
      const folder = positionals[0];
      if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new CliError(`cannot read ${folder}: no such folder`);
      const { AnswerKeyError, checkAnswerKeys, formatKeyReport } = await import("@/lib/wire/check-answer-key");
      let report: ReturnType<typeof checkAnswerKeys>;
      try {
        report = checkAnswerKeys(folder);
      } catch (error) {
        if (error instanceof AnswerKeyError) throw new CliError(`cannot check ${folder}: ${error.message}`);
        throw error;
      }
      if (report.folders === 0) throw new CliError(`${folder} holds no expected.json, nor does any folder under it`);
      console.log(formatKeyReport(folder, report));
      return report.misses.length > 0 ? 1 : 0;
    },
  },
  "wire ingest": {
    database: true,
    run: async (args) => {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { "received-at": { type: "string" } } });
      if (positionals.length === 0) throw new CliError("wire ingest takes one or more files or folders");
      const receivedAt = values["received-at"] ? receivedAtOption(values["received-at"]) : undefined;
      const { listWireFiles, ingestFiles } = await import("@/lib/wire-ingest/ingest-paths");
      const { wireDeskActor } = await import("@/lib/wire-ingest/wire-desk");
      let files: string[];
      try {
        files = await listWireFiles(positionals);
      } catch (error) {
        throw new CliError(`cannot read ${(error as NodeJS.ErrnoException).path ?? positionals.join(" ")}: no such file or folder`);
      }
      const bar = process.stdout.isTTY ? await progressBar(files.length) : null;
      const summary = await ingestFiles({ actor: await wireDeskActor(), files, receivedAt, onProgress: (done) => bar?.update(done) });
      bar?.stop();
      console.log(`created ${summary.created}, updated ${summary.updated}, pending ${summary.pending}, withdrawn ${summary.withdrawn}, duplicate ${summary.duplicate}, failed ${summary.failed}, skipped ${summary.skipped}`);
      for (const failure of summary.failures) console.log(`failed: ${failure.file}: ${failure.reason}`);
      for (const skipped of summary.skippedFiles) console.log(`skipped: ${skipped.file}: ${skipped.reason}`);
      return summary.failed > 0 ? 1 : 0;
    },
  },
  "user create": {
    database: true,
    run: async (args) => {
      const { values } = parseArgs({ args, options: { email: { type: "string" }, role: { type: "string" }, password: { type: "string" }, name: { type: "string" } } });
      const { createUser } = await import("@/lib/users/create-user");
      const user = await createUser({ actor: SYSTEM, input: { email: values.email ?? "", role: values.role as never, password: values.password ?? "", name: values.name } });
      console.log(JSON.stringify({ id: user.id, email: user.email, name: user.name, role: user.role }));
    },
  },
  "user set-password": {
    database: true,
    run: async (args) => {
      const { values } = parseArgs({ args, options: { email: { type: "string" }, password: { type: "string" } } });
      const { setUserPassword } = await import("@/lib/users/set-user-password");
      const user = await setUserPassword({ actor: SYSTEM, user: { email: values.email ?? "" }, input: { password: values.password ?? "" } });
      console.log(JSON.stringify({ id: user.id, email: user.email, sessionsEnded: user.sessionsEnded }));
    },
  },
  "apikey create": {
    database: true,
    run: async (args) => {
      const { values } = parseArgs({ args, options: { email: { type: "string" } } });
      const { createApiKey } = await import("@/lib/users/create-api-key");
      const { key } = await createApiKey({ actor: SYSTEM, input: { email: values.email ?? "" } });
      console.log(key);
    },
  },
};

async function progressBar(total: number) {
  const { SingleBar, Presets } = await import("cli-progress");
  const bar = new SingleBar({ format: "ingesting [{bar}] {value}/{total} files  {percentage}%  eta {eta}s", hideCursor: true }, Presets.shades_classic);
  bar.start(total, 0);
  return bar;
}

/** One line on stderr for the operator; field errors are folded into it. */
function describe(error: unknown): string {
  if (isAppError(error)) {
    const fields = error.fields ? Object.entries(error.fields).map(([field, messages]) => `${field}: ${messages.join(", ")}`) : [];
    return fields.length ? `${error.message} (${fields.join("; ")})` : error.message;
  }
  if (error instanceof CliError) return error.message;
  if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) return error.message;
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<number> {
  const [noun, verb, ...rest] = process.argv.slice(2);
  const command = commands[`${noun} ${verb}`];
  if (!command) {
    console.error(`error: unknown command "${[noun, verb].filter(Boolean).join(" ")}"\n${usage}`);
    return 2;
  }
  let database: Awaited<ReturnType<typeof resolveDatabase>> | undefined;
  try {
    if (command.database) {
      database = await resolveDatabase();
      process.env.DATABASE_URL = database.url;
      // A database `npm start` has not seen yet (or an older one) gets the schema first.
      await migrate(database.url, (line) => console.error(line));
    }
    return (await command.run(rest)) ?? 0;
  } catch (error) {
    console.error(`error: ${describe(error).replace(/\s+/g, " ")}`);
    return 1;
  } finally {
    if (database) {
      await (await import("@/lib/db")).db.$disconnect();
      await database.stop();
    }
  }
}

main().then((code) => process.exit(code));
