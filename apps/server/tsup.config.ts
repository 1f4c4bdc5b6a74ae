import { defineConfig } from 'tsup'

// The production entry is plain JS: workspace packages (TypeScript sources) are bundled in, npm
// dependencies stay external and load from node_modules.
export default defineConfig({
  entry: ['src/main.ts'],
  format: 'esm',
  platform: 'node',
  target: 'node22',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
  noExternal: [/^@mejabantu\//],
})
