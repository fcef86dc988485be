// /services.csv?<the portfolio's filters>: every matching service (not just one page), as CSV.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { PortfolioCsvQuery } from './operations.server';
import { servicesCsv, type CsvService } from './csv';
import { readParams } from '../services._index/filters';
import { todayInLondon } from '../../../graphql/domain/periods';
import { gql } from '~/utils/graphql.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const params = readParams(new URL(request.url));
  const rows: CsvService[] = [];
  for (let page = 1; ; page++) {
    const { services } = await gql(request, PortfolioCsvQuery, { filter: params.filter, orderBy: params.orderBy, page, pageSize: 100 });
    rows.push(...services.nodes);
    if (page >= services.pageCount) break;
  }
  return new Response(servicesCsv(rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="services-${todayInLondon()}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
