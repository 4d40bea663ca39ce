import "dotenv/config";
import { parseArgs } from "node:util";
import { isAppError } from "@/lib/errors";
import { SYSTEM } from "@/lib/auth/permissions";
import { createUser } from "@/lib/users/create-user";
import { createApiKey } from "@/lib/users/create-api-key";
import { resolveDatabase } from "@/scripts/embedded-database";

const usage = `usage:
  npm run --silent cli -- user create --email E --role writer|editor|admin --password P [--name N]
  npm run --silent cli -- apikey create --email E`;

type Command = (args: string[]) => Promise<void>;

const commands: Record<string, Command> = {
  "user create": async (args) => {
    const { values } = parseArgs({ args, options: { email: { type: "string" }, role: { type: "string" }, password: { type: "string" }, name: { type: "string" } } });
    const user = await createUser({ actor: SYSTEM, input: { email: values.email ?? "", role: values.role as never, password: values.password ?? "", name: values.name } });
    console.log(JSON.stringify({ id: user.id, email: user.email, name: user.name, role: user.role }));
  },
  "apikey create": async (args) => {
    const { values } = parseArgs({ args, options: { email: { type: "string" } } });
    const { key } = await createApiKey({ actor: SYSTEM, input: { email: values.email ?? "" } });
    console.log(key);
  },
};

/** One line on stderr for the operator; field errors are folded into it. */
function describe(error: unknown): string {
  if (isAppError(error)) {
    const fields = error.fields ? Object.entries(error.fields).map(([field, messages]) => `${field}: ${messages.join(", ")}`) : [];
    return fields.length ? `${error.message} (${fields.join("; ")})` : error.message;
  }
  if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) return error.message;
  return error instanceof Error ? error.message : String(error);
}

async function main() {
  const [noun, verb, ...rest] = process.argv.slice(2);
  const command = commands[`${noun} ${verb}`];
  if (!command) {
    console.error(`error: unknown command "${[noun, verb].filter(Boolean).join(" ")}"\n${usage}`);
    return 2;
  }
  let database: Awaited<ReturnType<typeof resolveDatabase>> | undefined;
  try {
    database = await resolveDatabase();
    process.env.DATABASE_URL = database.url;
    await command(rest);
    return 0;
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
