// The exports' resource routes on the server: an API ExportFile -> the file as an HTTP download, and the API's
// refusals -> what every page does with them (sign-in, 403, back to the page for a bad filter, 500).
import { redirect } from '@remix-run/node';
import type { GqlError } from '~/utils/graphql.server';

export interface ExportFileLike {
  filename: string;
  contentType: string;
  encoding: string;
  content: string;
}

/** The file as an attachment: the API's filename and content type, never cached. */
export function fileResponse(file: ExportFileLike): Response {
  const body = file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : file.content;
  const safeName = file.filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return new Response(body, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${safeName}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

/**
 * The API refused the export: not signed in -> sign-in (then back to `back`); FORBIDDEN -> the 403 page; a bad filter
 * (BAD_USER_INPUT) -> back to the page, which shows the error summary; anything else -> the 500 page.
 */
export function refusedExport(errors: GqlError[], back: string): never {
  const code = errors[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED') throw redirect(`/sign-in?redirectTo=${encodeURIComponent(back)}`);
  if (code === 'FORBIDDEN') throw new Response('Forbidden', { status: 403 });
  if (errors.length > 0 && errors.every((error) => error.extensions?.code === 'BAD_USER_INPUT')) throw redirect(back);
  throw Response.json({ message: 'Unexpected error.', requestId: errors[0]?.extensions?.requestId ?? null }, { status: 500 });
}

/** 'csv' / 'xlsx' (any case) -> the API's ExportFormat; null for anything else. */
export function exportFormatOf(value: string | null): 'CSV' | 'XLSX' | null {
  const format = (value ?? '').trim().toUpperCase();
  return format === 'CSV' || format === 'XLSX' ? format : null;
}
