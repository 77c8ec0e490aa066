// SPDX-License-Identifier: EUPL-1.2
// The web app is built into dist/web and served by the Fastify process (one port, strict CSP).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const repositoryRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: `${repositoryRoot}dist/web`,
    emptyOutDir: true,
    // The CSP forbids inline scripts and styles: never inline assets as data: modules or <style>.
    assetsInlineLimit: 0,
    // No module-preload polyfill: it is an inline script, which the CSP refuses.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
