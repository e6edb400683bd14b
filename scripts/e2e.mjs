// Runs the browser tests: makes sure Debian's chromium is there (playwright's own download does not
// work on this platform), then runs vitest with the e2e config. Extra arguments go to vitest.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y --no-install-recommends chromium';

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    console.log(`${CHROMIUM} missing; installing: ${INSTALL}`);
    const r = spawnSync('sh', ['-c', INSTALL], { stdio: 'inherit' });
    if (r.status !== 0 || !existsSync(CHROMIUM)) {
      console.error('chromium install failed');
      process.exit(1);
    }
  } else {
    console.error(`${CHROMIUM} is missing. Install it with:\n  sudo sh -c '${INSTALL}'`);
    process.exit(1);
  }
}
const r = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
