import { resolve } from 'node:path';
import { build } from 'vite';

const EDITORS = resolve(import.meta.dirname, 'fixtures/editors');
const ROOT = resolve(import.meta.dirname, '../..');

/** Runs once before the end-to-end tests: bundles the editor fixture page (real Tiptap, Quill, Lexical, CKEditor 5). */
export default async function setup(): Promise<void> {
  await build({
    root: EDITORS,
    base: './',
    logLevel: 'warn',
    configFile: false,
    resolve: {
      // @lexical/* 0.52 each carry their own copy of lexical: one shared copy, or the editor breaks.
      alias: [{ find: /^lexical$/, replacement: resolve(ROOT, 'node_modules/@lexical/rich-text/node_modules/lexical') }],
    },
    build: {
      outDir: resolve(EDITORS, 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      rollupOptions: { input: { index: resolve(EDITORS, 'index.html'), frame: resolve(EDITORS, 'frame.html') } },
    },
  });
}
