import { defineConfig } from "vitest/config";

/**
 * Three projects, by what a test needs:
 * - unit: pure code in-process; no build, no sockets. `npx vitest run --project unit` (or
 *   `npx vitest run test/unit`) takes seconds.
 * - integration: real servers and SDKs on loopback (Bolt's receiver, discord.js against a
 *   stand-in, the HTTP server), still in-process and without the build.
 * - process: the built `photo-finish` bin spawned as a process; builds dist/ once first.
 */
export default defineConfig({
  test: {
    // Tests start servers on loopback and spawn the CLI: give a noisy 2-core machine room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default", "./test/reporters/summary.ts"],
    // Property-test generators honour their stated bounds (see the file).
    setupFiles: ["test/setup/fast-check.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      { extends: true, test: { name: "integration", include: ["test/integration/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "process",
          include: ["test/process/**/*.test.ts"],
          globalSetup: ["test/global-setup.ts"],
        },
      },
    ],
  },
});
