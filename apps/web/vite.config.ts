import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API (apps/api) serves dist/web and falls back to index.html for client-side routes.
export default defineConfig({
  root: __dirname,
  plugins: [react()],
  resolve: {
    alias: {
      '@commons/domain': path.resolve(__dirname, '../../libs/domain/src/index.ts'),
      '@commons/realtime': path.resolve(__dirname, '../../libs/realtime/src/index.ts'),
    },
  },
  build: {
    outDir: path.resolve(__dirname, '../../dist/web'),
    emptyOutDir: true,
    // govuk-frontend ships minified CSS holding old IE "@media screen\\0" hacks that lightningcss's minifier
    // rejects; our own CSS is tiny, so skip minifying. Its url(/assets/fonts|images/...) stay unresolved on
    // purpose: src/app.css ensures the browser never asks for them.
    cssMinify: false,
    // The personal-data detector is loaded on first use; its name recogniser's word lists (compromise) go
    // in a chunk of their own so that neither half passes 500 kB.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'compromise', test: /[\\/]node_modules[\\/]compromise[\\/]/ }] } } },
    // Past 500 kB only the password-strength dictionaries (@zxcvbn-ts/language-en, 1.2 MB: one word list
    // that cannot be split), loaded when someone first types in a password field. Every other chunk stays under.
    chunkSizeWarningLimit: 1300,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'http://localhost:3000', ws: true },
    },
  },
});
