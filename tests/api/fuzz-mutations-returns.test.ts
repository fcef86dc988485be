// Fuzzing the returns mutations (issue 7): see tests/api/fuzz-mutations.test.ts and tests/helpers/fuzz-runner.ts.
import { RETURN_CSV_COLUMNS } from '../../graphql/domain/return-csv';
import { fuzzGroup, type Regression } from '../helpers/fuzz-runner';

// Inputs that broke a mutation once: tried first, every run.
const REGRESSIONS: Record<string, Regression[]> = {
  saveReturnDraft: [
    { caller: 'PROVIDER', edits: [{ path: ['input', 'values', 2, 'value'], value: 'nul \u0000 here' }], found: 'a NUL byte in a narrative: INTERNAL_SERVER_ERROR' },
    { caller: 'PROVIDER_TOKEN', edits: [{ path: ['input', 'values', 0, 'comment'], value: 'nul \u0000 here' }], found: 'INTERNAL_SERVER_ERROR' },
    { caller: 'PROVIDER', edits: [{ path: ['input', 'values', 2, 'value'], value: 'bell \u0007 and escape \u001b[31m' }], found: 'control characters stored in a narrative' },
  ],
  importReturnCsv: [
    {
      caller: 'PROVIDER',
      edits: [{ path: ['input', 'csv'], value: `\uFEFF${RETURN_CSV_COLUMNS.join(',')}\r\nREF_RECEIVED,,,,,reason \u0000,\r\n` }],
      found: 'a NUL byte in a blank reason: INTERNAL_SERVER_ERROR',
    },
    {
      caller: 'PROVIDER_TOKEN',
      edits: [{ path: ['input', 'csv'], value: `\uFEFF${RETURN_CSV_COLUMNS.join(',')}\r\nNARR_ACHIEVEMENTS,,,,lone \ud800,,\r\n` }],
      found: 'an unpaired surrogate stored as U+FFFD',
    },
  ],
  grantLockException: [
    { caller: 'ADMIN', edits: [{ path: ['input', 'reason'], value: '\u200b' }], found: 'a reason of a zero-width space was stored' },
    { caller: 'ADMIN', edits: [{ path: ['input', 'reason'], value: 'x\u0000' }], found: 'INTERNAL_SERVER_ERROR' },
  ],
  submitReturn: [{ caller: 'PROVIDER', edits: [{ path: ['input', 'declarationName'], value: 'x\u0000' }], found: 'INTERNAL_SERVER_ERROR' }],
  replyToReturnQuery: [{ caller: 'PROVIDER', edits: [{ path: ['input', 'message'], value: 'x\u0000' }], found: 'INTERNAL_SERVER_ERROR' }],
  returnForChanges: [{ caller: 'POLICY_OFFICER', edits: [{ path: ['input', 'reason'], value: 'x\u0000' }], found: 'INTERNAL_SERVER_ERROR' }],
};

fuzzGroup('returns', REGRESSIONS);
