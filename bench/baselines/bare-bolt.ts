import { App, HTTPReceiver } from "@slack/bolt";

/**
 * The Slack baseline: a bare Bolt app of the same version, on its own HTTPReceiver, that acks every
 * slash command with a constant. Photo Finish's Slack endpoint is measured against this.
 */
const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? "",
  endpoints: "/slack/events",
});
const app = new App({
  receiver,
  authorize: async () => ({ botToken: "xoxb-bench", botId: "B0BENCH", botUserId: "U0BENCH" }),
});
app.command(/^\/.+/, async ({ ack }) => {
  await ack({ response_type: "in_channel", text: "ok" });
});
await app.start({ port: Number(process.env.PORT ?? 0), host: "127.0.0.1" });
// HTTPReceiver does not say which port it took, so the parent passes a fixed free one.
process.stdout.write("ready\n");
