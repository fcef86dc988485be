import { builder } from '../builder';
import { todayInLondon, toIsoDate } from '../domain/periods';

const PeriodStateEnum = builder.enumType('PeriodState', {
  description: 'Where a reporting period is in its cycle today (dates in England).',
  values: {
    UPCOMING: { description: 'The quarter has not ended: returns cannot be submitted yet.' },
    OPEN: { description: 'Open for returns, before the due date.' },
    OVERDUE: { description: 'Past the due date, before the lock date: late returns are still accepted.' },
    LOCKED: { description: 'Past the lock date: only an admin exception allows edits.' },
  } as const,
});

builder.prismaObject('ReportingPeriod', {
  description: 'A UK financial-year quarter and its return window. Due and lock dates are separate, always.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    label: t.exposeString('label', { description: 'e.g. "2026/27 Q1"' }),
    financialYear: t.exposeInt('financialYear'),
    quarter: t.exposeInt('quarter'),
    startDate: t.expose('startDate', { type: 'Date' }),
    endDate: t.expose('endDate', { type: 'Date' }),
    opensOn: t.expose('opensOn', { type: 'Date' }),
    dueDate: t.expose('dueDate', { type: 'Date' }),
    locksOn: t.expose('locksOn', { type: 'Date' }),
    state: t.field({
      type: PeriodStateEnum,
      resolve: (period) => {
        const today = todayInLondon();
        if (today < toIsoDate(period.opensOn)) return 'UPCOMING';
        if (today <= toIsoDate(period.dueDate)) return 'OPEN';
        if (today < toIsoDate(period.locksOn)) return 'OVERDUE';
        return 'LOCKED';
      },
    }),
  }),
});

builder.queryField('reportingPeriods', (t) =>
  t.prismaField({
    type: ['ReportingPeriod'],
    description: 'Reporting periods, oldest first; optionally one financial year (2026 is 2026/27).',
    authScopes: { authenticated: true },
    args: { financialYear: t.arg.int({ required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.reportingPeriod.findMany({
        ...query,
        where: args.financialYear ? { financialYear: args.financialYear } : {},
        orderBy: [{ financialYear: 'asc' }, { quarter: 'asc' }],
      }),
  }),
);
