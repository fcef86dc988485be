// vitest globalSetup: one PostgreSQL and one template database for the whole run.
import type { TestProject } from 'vitest/node';
import { buildTemplate, startTestServer, TEMPLATE_DB } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  await buildTemplate(server);
  project.provide('pgAdminUrl', server.url('postgres'));
  project.provide('pgTemplate', TEMPLATE_DB);
  return async () => {
    await server.stop();
  };
}
