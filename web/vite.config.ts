import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The console is built into web/dist, which Herald serves at `/`. The address parser is shared
// with the API (src/shared/email-address.ts), as is the duration parser (src/shared/duration.ts); the
// address parser's one Node import gets a browser stand-in.
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: { alias: { 'node:url': here('src/shims/node-url.ts') } },
  build: { outDir: here('dist'), emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1000 },
  logLevel: 'warn',
});
