import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // tests/scale needs redis-server and two server processes: `npm run test:scale`
    exclude: [
      "**/node_modules/**",
      "dist/**",
      "coverage/**",
      "data/**",
      "reports/**",
      "tests/scale/**",
    ],
    environment: "node",
    // fails the run if a test touched the repository's ./data
    globalSetup: ["tests/setup/dataGuard.ts"],
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 30_000,
    teardownTimeout: 10_000,
  },
});
