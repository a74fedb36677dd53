import { defineConfig } from 'vitest/config';

/** Unit tests of the web app's pure modules (text segmentation, weeks…), run by `npm run test:web`. */
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
