import { isIP } from "node:net";
import { Writable } from "node:stream";
import { Client, FTPError } from "basic-ftp";
import { isCertificateError, networkReason } from "@/lib/wire-sources/network-reason";
import { MAX_SOURCE_BYTES, megabytes, seconds } from "@/lib/wire-sources/poll-types";
import { scrubbed, SourceError } from "@/lib/wire-sources/source-error";

// One FTP control connection for one poll, in the source's folder. basic-ftp runs one command at a
// time per connection, so every operation goes through a queue (the caller may ack items in
// parallel); a connection the server dropped while the ingest worked is opened again. Every
// failure becomes a sentence without the password in it.

export type FtpTarget = { host: string; port: number; folder: string; secure: boolean; allowSelfSigned: boolean; username: string; password: string; timeoutMs: number };

export type FtpSession = {
  /** Runs the operation on the connection once the ones before it are done. */
  run<T>(operation: (client: Client) => Promise<T>): Promise<T>;
  download(name: string): Promise<Buffer>;
  close(): Promise<void>;
};

/** The target of an `ftp://host:port/path` or `ftps://…` address. */
export function ftpTarget(address: string, credentials: { username: string; password: string }, options: { allowSelfSigned: boolean; timeoutMs: number }): FtpTarget {
  const url = new URL(address);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port ? Number(url.port) : 21,
    folder: decodeURIComponent(url.pathname) || "/",
    secure: url.protocol === "ftps:",
    allowSelfSigned: options.allowSelfSigned,
    ...credentials,
    timeoutMs: options.timeoutMs,
  };
}

/** A failure of the FTP conversation told in words, the password scrubbed from anything a server or library said. */
export function ftpError(target: FtpTarget, error: unknown, doing: string): SourceError {
  if (error instanceof SourceError) return error;
  const where = `${target.host}:${target.port}`;
  const code = (error as NodeJS.ErrnoException).code;
  const message = (error as Error).message ?? String(error);
  let sentence: string;
  if (error instanceof FTPError && error.code === 530) sentence = `The FTP server refused the login for user ${target.username}`;
  else if (error instanceof FTPError && doing === "TLS") sentence = `The FTP server ${where} does not offer FTPS (AUTH TLS): ${message}`;
  else if (error instanceof FTPError && doing === "folder") sentence = `The folder ${target.folder} cannot be opened on the FTP server: ${message}`;
  else if (error instanceof FTPError) sentence = `The FTP server ${where} refused to ${doing}: ${message}`;
  else if (isCertificateError(code)) sentence = `Could not reach ${where}: ${networkReason(code) ?? "its TLS certificate is not trusted"} (allow self-signed certificates in the source's settings only if you trust this server)`;
  else if (networkReason(code)) sentence = `Could not reach ${where}: ${networkReason(code)}`;
  else if (message.startsWith("Timeout")) sentence = `The FTP server ${where} did not answer within ${seconds(target.timeoutMs)}`;
  else if (message.includes("closed") || message.includes("ECONNRESET")) sentence = `The FTP server ${where} closed the connection while Dateline tried to ${doing}`;
  else sentence = `The FTP server ${where} failed while Dateline tried to ${doing}: ${message}`;
  // No cause kept: the library's error may quote the conversation, and errors get logged whole.
  return new SourceError(scrubbed(sentence, [target.password]));
}

async function connect(target: FtpTarget): Promise<Client> {
  const client = new Client(target.timeoutMs);
  let stage = "connect";
  try {
    await client.connect(target.host, target.port);
    if (target.secure) {
      stage = "TLS";
      // SNI takes a host name only (RFC 6066); the certificate is still checked against an IP address.
      await client.useTLS({ host: target.host, servername: isIP(target.host) ? undefined : target.host, rejectUnauthorized: !target.allowSelfSigned });
    }
    stage = "log in";
    await client.login(target.username, target.password);
    await client.useDefaultSettings();
    stage = "folder";
    await client.cd(target.folder);
    return client;
  } catch (error) {
    client.close();
    // A TLS handshake that fails on the certificate is about trust, not about FTPS support.
    throw ftpError(target, error, stage === "TLS" && !(error instanceof FTPError) ? "connect" : stage);
  }
}

/** A Writable that keeps what it is given, up to the largest file taken. */
function collector(name: string): { sink: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > MAX_SOURCE_BYTES) return done(new SourceError(`The file ${name} is larger than ${megabytes(MAX_SOURCE_BYTES)}, the largest file taken`));
      chunks.push(chunk);
      done();
    },
  });
  return { sink, bytes: () => Buffer.concat(chunks) };
}

/** An open, logged-in connection in the source's folder. */
export async function openFtpSession(target: FtpTarget, signal?: AbortSignal): Promise<FtpSession> {
  let client = await connect(target);
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  const onAbort = () => client.close();
  signal?.addEventListener("abort", onAbort, { once: true });

  const run = <T>(operation: (client: Client) => Promise<T>): Promise<T> => {
    const next = queue.then(async () => {
      if (closed) throw new SourceError("The FTP connection for this poll is already closed");
      // A stopped poll closed the connection on purpose: it is not opened again.
      if (signal?.aborted) throw new SourceError("The poll was stopped");
      if (client.closed) client = await connect(target);
      return operation(client);
    });
    queue = next.catch(() => {});
    return next;
  };

  return {
    run,
    download: (name) =>
      run(async (ftp) => {
        const { sink, bytes } = collector(name);
        try {
          await ftp.downloadTo(sink, name);
        } catch (error) {
          throw ftpError(target, error, `download ${name}`);
        }
        return bytes();
      }),
    async close() {
      await queue;
      closed = true;
      signal?.removeEventListener("abort", onAbort);
      client.close();
    },
  };
}
