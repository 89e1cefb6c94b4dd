// The web app: React + Mantine, built into dist/web, which the Fastify server
// serves at / (SPA fallback). `npx vite` runs a dev server that proxies the API
// to a Procura on PROCURA_DEV_API (default http://localhost:3000).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const api = process.env.PROCURA_DEV_API ?? 'http://localhost:3000';

export default defineConfig({
  root: '.',
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': { target: api, changeOrigin: true } },
  },
});
