/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compressAssets } from './build/compressAssets';

const api = 'http://localhost:3000';

export default defineConfig({
  plugins: [react(), compressAssets()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/trpc': { target: api, changeOrigin: true },
      '/health': { target: api, changeOrigin: true },
      '/export': { target: api, changeOrigin: true },
    },
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
