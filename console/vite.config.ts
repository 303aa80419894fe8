import { defineConfig } from 'vite';

// The decision service serves the built files from this module's jar (META-INF/resources/console/)
// at /console/. Its content-security policy allows scripts and styles from the same origin only,
// so the build must not produce inline scripts or styles: no module-preload polyfill (Vite would
// otherwise add it to the entry chunk; it is not inline, but not needed by the supported browsers).
export default defineConfig({
  base: '/console/',
  build: {
    outDir: 'target/classes/META-INF/resources/console',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    target: 'es2022',
    // The authoring page's chunk (dmn-js and CodeMirror, loaded only on #/author/...) is about
    // 1.2 MB minified (360 kB gzip); the pages every user loads stay in the 150 kB entry chunk.
    chunkSizeWarningLimit: 1300,
  },
  server: {
    // `npx vite` during development: the API of a service started by ./fulcrum-service.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
