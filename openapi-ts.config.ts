import { defineConfig } from '@hey-api/openapi-ts';

export default defineConfig({
  input: './openapi.yaml',
  output: { path: './src/api/generated', postProcess: ['prettier'] },
  plugins: [
    { name: '@hey-api/client-fetch', throwOnError: true },
    '@hey-api/typescript',
    { name: 'zod', compatibilityVersion: 'mini' },
    { name: '@hey-api/sdk', validator: { request: false, response: 'zod' } },
    '@tanstack/react-query',
  ],
});
