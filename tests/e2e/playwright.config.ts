// End-to-end tests: browser mode in Debian's Chromium (no browser download here), and the
// Electron spec, which runs where the Electron binary is installed and is skipped elsewhere.
import { defineConfig } from '@playwright/test';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  // Waits are on states, never on time; these budgets only bound how long a state may take on a
  // machine loaded to the full (measured: `stress-ng --cpu 2` beside other work on 2 cores made
  // single steps take over 15 s and whole tests over 90 s).
  timeout: 240_000,
  expect: { timeout: 45_000 },
  workers: 1,
  reporter: [['list']],
  outputDir: '../../test-results',
  projects: [
    {
      name: 'browser-mode',
      testMatch: /browserMode.*\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        viewport: { width: 1400, height: 860 },
        launchOptions: {
          executablePath: chromium,
          // As root in a sandboxed CI: no Chromium sandbox; no background traffic to a closed network.
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
        screenshot: 'only-on-failure',
      },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts$/ },
  ],
});
