import { defineConfig } from 'vite';

// A static single-page app: `vite build` writes web/dist, which scripts/run-dev.sh serves.
export default defineConfig({
  resolve: {
    // PAPI's smoldot provider imports one error class from smoldot's entry point, which embeds
    // smoldot's 3 MB wasm; the class is the same in the entry point without it. The wasm is then
    // loaded once, by the worker, and only when the light client is chosen.
    alias: [{ find: /^@polkadot-api\/smoldot$/, replacement: 'smoldot/no-auto-bytecode' }],
    // The app imports these two directly, at the versions polkadot-api nests for itself: one
    // copy of each in the bundle, not two.
    dedupe: ['@polkadot-api/metadata-builders', '@polkadot-api/substrate-bindings'],
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  server: { host: '127.0.0.1', port: 8080, strictPort: true },
  preview: { host: '127.0.0.1', port: 8080, strictPort: true },
});
