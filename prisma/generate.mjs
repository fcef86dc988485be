// `prisma generate` without internet. Prisma's CLI insists on finding its native schema engine before any
// command, and downloads it when missing, which these machines cannot do. Generation itself does not use that
// engine (it uses the bundled WebAssembly one), so pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file is
// enough. Migrations do not go through the CLI at all: see prisma/migrator.ts and docs/decisions/0002.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = fileURLToPath(import.meta.url);

const result = spawnSync('npx', ['--no-install', 'prisma', 'generate', '--no-hints'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
