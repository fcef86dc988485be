// Operation types for the pages, generated from graphql/schema.graphql and the operations written in app/.
// `npm run codegen` writes app/gql/; a test fails when it is stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'graphql/schema.graphql',
  documents: ['app/**/*.{ts,tsx}', '!app/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'app/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', Date: 'string', Money: 'string' },
        strictScalars: true,
      },
    },
  },
};

export default config;
