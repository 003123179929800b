import { defineConfig } from "vitest/config";

/** The scale-out test: Redis and two server processes (`npm run test:scale`, needs redis-server). */
export default defineConfig({
  test: {
    include: ["tests/scale/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
  },
});
