// @ts-check
// Playwright teardown project of the live checker tests: stops the servers
// that live.setup.mjs started (by the PIDs in build/e2e-live/state.json).
import { test as teardown } from '@playwright/test';
import { stopServers } from './servers.mjs';

teardown('stop the live servers', async () => {
  await stopServers({ owner: process.ppid });
});
