import { createPublicKey, verify } from "node:crypto";
import { createServer } from "node:http";

/**
 * The Discord baseline: a bare Node server that only verifies the Ed25519 signature and answers a
 * constant. Photo Finish's Discord endpoint is measured against this.
 */
const key = createPublicKey({
  key: Buffer.concat([
    Buffer.from("302a300506032b6570032100", "hex"),
    Buffer.from(process.env.DISCORD_PUBLIC_KEY ?? "", "hex"),
  ]),
  format: "der",
  type: "spki",
});
const reply = JSON.stringify({ type: 4, data: { content: "ok" } });
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const timestamp = String(req.headers["x-signature-timestamp"] ?? "");
    const signature = Buffer.from(String(req.headers["x-signature-ed25519"] ?? ""), "hex");
    const ok = verify(null, Buffer.concat([Buffer.from(timestamp), ...chunks]), key, signature);
    res.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
    res.end(ok ? reply : "{}");
  });
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === "object" && address ? address.port : 0}\n`);
});
