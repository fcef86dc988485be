// Prisma CLI configuration. On these machines the CLI is used only for `prisma generate` (see prisma/generate.mjs);
// on a machine with internet, `prisma migrate deploy` / `migrate status` work against the same migrations.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/portal' },
});
