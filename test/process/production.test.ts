import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { makeKeys, signedInteraction } from "../helpers/discord.js";
import { type ServerProcess, startServerProcess } from "../helpers/server-process.js";
import { copyData, editData } from "../helpers/temp-data.js";

const running: ServerProcess[] = [];
afterEach(() => {
  for (const server of running.splice(0)) if (server.child.exitCode === null) server.child.kill("SIGKILL");
});

async function start(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess(env);
  running.push(server);
  return server;
}

const closestCommand = (count: number) => ({
  type: 2,
  id: "1",
  application_id: "1",
  token: "interaction-token",
  version: 1,
  member: { user: { id: "80351110224678912", username: "fan" } },
  data: { id: "1", name: "closest", type: 1, options: [{ name: "count", type: 4, value: count }] },
});

describe("the production process", () => {
  it("serves /healthz with the as-of date and the adapters once the data is loaded", async () => {
    const server = await start({ DISCORD_PUBLIC_KEY: makeKeys().publicKeyHex });
    const response = await fetch(`${server.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "ok",
      asOf: "2026-06-28",
      adapters: ["discord-http"],
    });
    expect((await fetch(`${server.baseUrl}/nowhere`)).status).toBe(404);
  });

  it("on SIGTERM lets an in-flight interaction finish, then exits 0", async () => {
    const keys = makeKeys();
    const server = await start({ DISCORD_PUBLIC_KEY: keys.publicKeyHex });
    const { body, headers } = signedInteraction(keys, closestCommand(3));
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${server.baseUrl}/discord/interactions`, {
        method: "POST",
        headers: { ...headers, "content-length": Buffer.byteLength(body) },
      });
      req.on("response", (res) => {
        let text = "";
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on("error", reject);
      // Half the body now; the rest after the signal: the request is in flight when shutdown starts.
      req.write(body.slice(0, 20));
      setTimeout(() => {
        server.child.kill("SIGTERM");
        setTimeout(() => req.end(body.slice(20)), 300);
      }, 200);
    });
    const result = await answered;
    expect(result.status).toBe(200);
    expect(JSON.parse(result.text).type).toBe(4);
    expect(await server.exited).toBe(0);
    expect(server.logLines().some((l) => l.msg === "stopped")).toBe(true);
  });

  it("exits 0 on SIGINT too, within a few seconds", async () => {
    const server = await start({ DISCORD_PUBLIC_KEY: makeKeys().publicKeyHex });
    const started = Date.now();
    server.child.kill("SIGINT");
    expect(await server.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("reloads valid data on SIGHUP and keeps answering from the old data after a bad edit", async () => {
    const keys = makeKeys();
    const dir = copyData();
    const server = await start({ DISCORD_PUBLIC_KEY: keys.publicKeyHex, DATA_DIR: dir });
    const races = async () =>
      ((await (await fetch(`${server.baseUrl}/healthz`)).json()) as { races: number }).races;
    expect(await races()).toBe(1174);

    // A new race is a row plus the season's declared count, through date and the as-of date.
    editData(
      dir,
      "races.csv",
      (text) =>
        `${text.trimEnd()}\n2026-19,2026,19,2026-07-05,chicago-street,Test 250,William Byron,Alex Bowman,timed,0.600,,nascar-feed,nascar-feed,A row added by a test,\n`,
    );
    editData(dir, "dataset.json", (text) =>
      text
        .replace('"asOf": "2026-06-28"', '"asOf": "2026-07-05"')
        .replace(/("season": 2026,\s*"races": )18(,[\s\S]*?"through": )"2026-06-28"/, '$119$2"2026-07-05"'),
    );
    server.child.kill("SIGHUP");
    await server.waitForLog((l) => l.msg === "dataset reloaded");
    expect(await races()).toBe(1175);

    editData(dir, "races.csv", (text) => text.replace(",0.600,", ",soon,"));
    server.child.kill("SIGHUP");
    const rejected = await server.waitForLog((l) => String(l.msg).startsWith("dataset reload rejected"));
    expect(JSON.stringify(rejected.problems)).toContain("margin");
    expect(await races()).toBe(1175);
    const { body, headers } = signedInteraction(keys, closestCommand(2));
    const response = await fetch(`${server.baseUrl}/discord/interactions`, { method: "POST", headers, body });
    expect(response.status).toBe(200);
  });
});
