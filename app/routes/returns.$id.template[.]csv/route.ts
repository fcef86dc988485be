// /returns/$id/template.csv: the return as a CSV file to fill in and upload again (/returns/$id/upload), with what
// is saved now. Built by the API (PerformanceReturn.csvTemplate), so whoever may see the return may download it.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { ReturnCsvTemplateQuery } from './operations.server';
import { gql } from '~/utils/graphql.server';
import { requireUser } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const { performanceReturn } = await gql(request, ReturnCsvTemplateQuery, {
    id: params.id ?? '',
  });
  if (!performanceReturn) throw new Response('Not Found', { status: 404 });
  return new Response(performanceReturn.csvTemplate, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${performanceReturn.csvFileName}"`,
      'cache-control': 'no-store',
    },
  });
}
