import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import ipaddr from "ipaddr.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchWirePicture, folderReader, isFetchableAddress } from "@/lib/media/fetch-wire-picture";
import { mediaSettings } from "@/lib/media/media-settings";

const PICTURE = fs.readFileSync("e2e/fixtures/media/plain.png");

// Real servers on loopback: one at 127.0.0.2 (the "agency", let through by the settings below)
// and one at 127.0.0.1 (the newsroom's own, never to be reached).
type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;
async function serve(host: string, handler: Handler): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, url: `http://${host}:${(server.address() as AddressInfo).port}` };
}

let agency: { server: http.Server; url: string };
let internal: { server: http.Server; url: string };
let internalHits = 0;
const settings = { ...mediaSettings({}), pictureNetworks: [ipaddr.parseCIDR("127.0.0.2/32")], maxBytes: 64 * 1024 };

beforeAll(async () => {
  internal = await serve("127.0.0.1", (_request, response) => {
    internalHits++;
    response.end("secret");
  });
  agency = await serve("127.0.0.2", (request, response) => {
    const url = new URL(request.url!, "http://x");
    if (url.pathname === "/pic.png") return response.writeHead(200, { "content-type": "image/png" }).end(PICTURE);
    if (url.pathname === "/to-internal") return response.writeHead(302, { location: `${internal.url}/admin` }).end();
    if (url.pathname === "/to-localhost") return response.writeHead(301, { location: `http://localhost:${new URL(internal.url).port}/` }).end();
    if (url.pathname === "/to-file") return response.writeHead(302, { location: "file:///etc/passwd" }).end();
    if (url.pathname === "/loop") return response.writeHead(302, { location: "/loop" }).end();
    if (url.pathname === "/big") return response.writeHead(200, { "content-type": "image/jpeg" }).end(Buffer.alloc(100 * 1024));
    if (url.pathname === "/big-unannounced") {
      response.writeHead(200, { "content-type": "image/jpeg" });
      for (let i = 0; i < 100; i++) response.write(Buffer.alloc(1024));
      return response.end();
    }
    response.writeHead(404).end();
  });
});

afterAll(async () => {
  for (const { server } of [agency, internal]) server.closeAllConnections();
  await Promise.all([agency, internal].map(({ server }) => new Promise((resolve) => server.close(resolve))));
});

describe("fetching a wire picture", () => {
  it("fetches from a public address, or a network the settings let through", async () => {
    const { bytes } = await fetchWirePicture(`${agency.url}/pic.png`, { settings });
    expect(bytes.equals(PICTURE)).toBe(true);
  });

  it("refuses private addresses, by literal, by name and by redirect, without reaching them", async () => {
    await expect(fetchWirePicture(`${internal.url}/admin`, { settings })).rejects.toThrow("127.0.0.1:" + new URL(internal.url).port + " is a private address");
    await expect(fetchWirePicture(`http://localhost:${new URL(internal.url).port}/`, { settings })).rejects.toThrow(/localhost is a private address/);
    await expect(fetchWirePicture(`${agency.url}/to-internal`, { settings })).rejects.toThrow(/is a private address/);
    await expect(fetchWirePicture(`${agency.url}/to-localhost`, { settings })).rejects.toThrow(/localhost is a private address/);
    await expect(fetchWirePicture(`http://[::1]:${new URL(internal.url).port}/`, { settings })).rejects.toThrow(/private address/);
    await expect(fetchWirePicture(`http://[::ffff:127.0.0.1]:${new URL(internal.url).port}/`, { settings })).rejects.toThrow(/private address/);
    expect(internalHits).toBe(0);
  });

  it("judges addresses as the internet does", () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "100.64.0.1", "::1", "fe80::1", "fc00::1", "::ffff:10.0.0.1", "::7f00:1", "64:ff9b::7f00:1", "224.0.0.1", "not an address"]) {
      expect(isFetchableAddress(address, []), address).toBe(false);
    }
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:2800:220:1:248:1893:25c8:1946"]) expect(isFetchableAddress(address, []), address).toBe(true);
  });

  it("refuses other schemes, redirect loops, errors and pictures over the limit, in words", async () => {
    await expect(fetchWirePicture("ftp://pictures.example.org/a.jpg", { settings })).rejects.toThrow("ftp addresses are not fetched (only http and https)");
    await expect(fetchWirePicture(`${agency.url}/to-file`, { settings })).rejects.toThrow("file addresses are not fetched (only http and https)");
    await expect(fetchWirePicture(`${agency.url}/loop`, { settings })).rejects.toThrow("redirected more than 3 times");
    await expect(fetchWirePicture(`${agency.url}/missing.jpg`, { settings })).rejects.toThrow("answered 404 Not Found");
    await expect(fetchWirePicture(`${agency.url}/big`, { settings })).rejects.toThrow("The picture is larger than 64 KB");
    await expect(fetchWirePicture(`${agency.url}/big-unannounced`, { settings })).rejects.toThrow("The picture is larger than 64 KB");
    await expect(fetchWirePicture("http://[zz/", { settings })).rejects.toThrow("is not an address");
  });
});

describe("reading a wire picture beside its item", () => {
  it("reads a file in the item's folder, and nothing outside it", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "wire-pictures-"));
    const folder = path.join(root, "in");
    fs.mkdirSync(path.join(folder, "pics"), { recursive: true });
    fs.writeFileSync(path.join(folder, "pics", "floods 01.png"), PICTURE);
    fs.writeFileSync(path.join(root, "secret.png"), "secret");
    fs.symlinkSync(path.join(root, "secret.png"), path.join(folder, "link.png"));
    try {
      expect((await fetchWirePicture("pics/floods%2001.png", { readBeside: folderReader(folder, settings), settings })).bytes.equals(PICTURE)).toBe(true);
      expect((await fetchWirePicture("pics/floods 01.png", { readBeside: folderReader(folder, settings), settings })).bytes.equals(PICTURE)).toBe(true);
      await expect(fetchWirePicture("../secret.png", { readBeside: folderReader(folder, settings), settings })).rejects.toThrow("../secret.png is outside the folder the item came from");
      await expect(fetchWirePicture(path.join(root, "secret.png"), { readBeside: folderReader(folder, settings), settings })).rejects.toThrow("is outside the folder");
      await expect(fetchWirePicture("link.png", { readBeside: folderReader(folder, settings), settings })).rejects.toThrow("link.png leads outside the folder the item came from");
      await expect(fetchWirePicture("pics", { readBeside: folderReader(folder, settings), settings })).rejects.toThrow("pics is not a file");
      await expect(fetchWirePicture("gone.png", { readBeside: folderReader(folder, settings), settings })).rejects.toThrow("gone.png is not in the folder the item came from");
      await expect(fetchWirePicture("pics/floods 01.png", { settings })).rejects.toThrow("names a file beside the item, and this item did not come from a folder or FTP server");
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
