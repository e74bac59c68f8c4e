// @ts-check
// Playwright setup project of the live checker tests: starts knotd, the DoH
// server and nginx on loopback (servers.mjs). Its teardown project
// (live.teardown.mjs) stops them by PID, even when tests fail.
import { test as setup } from '@playwright/test';
import { startServers } from './servers.mjs';

setup('start the live servers (knot, DoH, nginx)', async () => {
  setup.setTimeout(60_000);
  // The owner is Playwright's runner (this worker's parent): a second run refuses
  // to start while this one lives instead of killing its servers.
  await startServers({ owner: process.ppid });
});
