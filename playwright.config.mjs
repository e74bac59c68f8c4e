// @ts-check
// End-to-end tests of the built site (build/site) in Debian's Chromium
// (/usr/bin/chromium): Playwright never downloads a browser here.
import { defineConfig, devices } from '@playwright/test';
import { hostResolverRules } from './e2e/live/servers.mjs';

const port = Number(process.env.E2E_PORT ?? 4173);
const root = process.env.E2E_SITE_ROOT ?? 'build/site';
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.mjs',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    locale: 'en-US',
    trace: 'retain-on-failure',
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: ['live/**'],
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath },
      },
    },
    // The live checker against real servers on loopback (e2e/live): knotd, our
    // DoH JSON server and nginx, started by the setup project and stopped by the
    // teardown project. Chromium maps the production resolver names and the
    // test domains to them. One worker: some tests switch the servers' faults.
    { name: 'live-setup', testDir: 'e2e/live', testMatch: 'live.setup.mjs', teardown: 'live-teardown' },
    { name: 'live-teardown', testDir: 'e2e/live', testMatch: 'live.teardown.mjs' },
    {
      name: 'live',
      testDir: 'e2e/live',
      testMatch: '**/*.spec.mjs',
      dependencies: ['live-setup'],
      workers: 1,
      fullyParallel: false,
      timeout: 60_000, // real servers on a loaded 2-core CI machine
      use: {
        ...devices['Desktop Chrome'],
        ignoreHTTPSErrors: true,
        launchOptions: { executablePath, args: [`--host-resolver-rules=${hostResolverRules()}`] },
      },
    },
  ],
  webServer: {
    command: `node e2e/static-server.mjs --root ${JSON.stringify(root)} --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    timeout: 15_000,
  },
});
