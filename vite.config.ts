import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The client lives in client/; its build is served by the Express server from dist/client.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://127.0.0.1:5757' } },
});
