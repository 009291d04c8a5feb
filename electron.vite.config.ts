import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const sharedAlias = { '@shared': resolve(__dirname, 'src/shared') };

/**
 * Main and preload are bundled whole (only `electron` and `node:*` stay external) so the packaged
 * app needs no node_modules at run time, and the sandboxed preload can load at all: a sandboxed
 * preload may `require` nothing but `electron`.
 */
export default defineConfig({
  main: {
    resolve: { alias: sharedAlias },
    build: { externalizeDeps: false },
  },
  preload: {
    resolve: { alias: sharedAlias },
    build: { externalizeDeps: false },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias: sharedAlias },
    plugins: [react()],
    build: {
      // The renderer is served from app://registry/, so absolute asset paths resolve there.
      target: 'chrome140',
      minify: true,
    },
    base: '/',
  },
});
