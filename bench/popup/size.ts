import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * `npx tsx bench/popup/size.ts [--no-build]`: what the browser loads before the popup's first paint.
 * Builds the shipped extension (unless --no-build), reads `popup.html`, and follows its module
 * script, its modulepreload links and every static import of those chunks (dynamic `import()`s
 * load later and are not counted). Prints each script's raw and gzip size (level 9) and the total.
 */
const BUILD_DIR = '.output/chrome-mv3';
const TARGET_GZIP = 110_000;

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Paths (from the extension's root) of the scripts a page loads before it runs. */
function firstLoad(html: string): string[] {
  const roots = [...html.matchAll(/<script type="module"[^>]*\ssrc="([^"]+)"/g), ...html.matchAll(/<link rel="modulepreload"[^>]*\shref="([^"]+)"/g)].map((match) => match[1]!);
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const code = readFileSync(join(BUILD_DIR, path), 'utf8');
    // Static imports only: `import … from "./x.js"` and bare `import "./x.js"`, never `import("./x.js")`.
    for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+\.js)"/g)) visit(new URL(match[1]!, `file://${path}`).pathname);
  };
  roots.forEach(visit);
  return [...seen];
}

if (!process.argv.includes('--no-build')) execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore', env: { ...process.env, MUTUAL_TEST_BUILD: '' } });
const html = readFileSync(join(BUILD_DIR, 'popup.html'), 'utf8');
const rows = firstLoad(html).map((path) => {
  const bytes = readFileSync(join(BUILD_DIR, path));
  return { path, raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength };
});
rows.sort((a, b) => b.gzip - a.gzip);
console.log(`Popup: scripts loaded before the first paint (${BUILD_DIR}/popup.html)`);
for (const row of rows) console.log(`  ${row.path.padEnd(40)} ${kB(row.raw).padStart(10)} raw ${kB(row.gzip).padStart(10)} gzip`);
const raw = rows.reduce((sum, row) => sum + row.raw, 0);
const gzip = rows.reduce((sum, row) => sum + row.gzip, 0);
console.log(`  ${'total'.padEnd(40)} ${kB(raw).padStart(10)} raw ${kB(gzip).padStart(10)} gzip (target ≤ ${kB(TARGET_GZIP)}) ${gzip <= TARGET_GZIP ? 'OK' : 'OVER'}`);
