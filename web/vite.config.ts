import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The analyst's web app. `npm run build:web` writes `web/dist`, which `vigil serve` serves with
 * the API under /api on the same origin. The output has no inline script or style (the server's
 * CSP allows only 'self'); the map and the chain graph are separate chunks loaded on demand.
 * `npm run dev:web` serves the sources with the API proxied to a `vigil serve` on port 8123.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill is not needed by the browsers analysts use and would add code to the entry.
    modulePreload: { polyfill: false },
    // Inline `data:` assets would need `img-src data:`; keep every asset a file.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Fewer, larger shared chunks: React and the router in one, the app's shared modules in
        // another, instead of a dozen tiny files fetched one after another.
        advancedChunks: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie)[\\/]/ },
            { name: 'common', test: /web[\\/]src[\\/](api|auth|components|lib)[\\/]/, minShareCount: 2 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.VIGIL_API ?? 'http://127.0.0.1:8123', changeOrigin: false } },
  },
});
