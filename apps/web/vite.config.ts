import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Everything is bundled: the app runs offline under a strict CSP (scripts from 'self' only).
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Served from the local disk or LAN, never over the Internet: one large chunk is fine.
    chunkSizeWarningLimit: 3000,
  },
});
