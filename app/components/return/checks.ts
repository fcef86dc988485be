// The template's checks as the provider types: graphql/domain/checks.ts (the one engine) on the form's current
// fields, last quarter's figures and the year's targets. Browser-safe; the check answers page uses it too.
import {
  blockingFailures,
  checkRuleFrom,
  runChecks,
  valuesFrom,
  type CheckDefinition,
  type CheckResult,
  type MeasureInfo,
  type ValueRow,
} from '../../../graphql/domain/checks';
import { findLikelyIdentifiers, type IdentifierWarning } from '../../../graphql/domain/identifiers';
import { cellsOf, commentId, commentKeyOf, isText, parseCell, type Fields, type FormMeasure, type FormSection, type StoredValue } from './model';

export type { CheckResult };

export interface CheckDefinitionData {
  code: string;
  severity: string;
  message: string;
  /** JSON, as the API gives it. */
  rule: string;
}

export interface TargetData {
  measureCode: string;
  quarter: number;
  value: string;
}

export function definitionsFrom(checks: CheckDefinitionData[]): CheckDefinition[] {
  return checks.map((check) => ({
    code: check.code,
    severity: check.severity === 'SOFT' ? 'SOFT' : 'HARD',
    message: check.message,
    rule: checkRuleFrom(JSON.parse(check.rule)),
  }));
}

export function measuresOf(sections: FormSection[]): FormMeasure[] {
  return sections.flatMap((section) => section.measures);
}

function measureInfos(measures: FormMeasure[]): Map<string, MeasureInfo> {
  return new Map(
    measures.map((m) => [
      m.code,
      {
        code: m.code,
        unit: m.unit as MeasureInfo['unit'],
        direction: m.direction as MeasureInfo['direction'],
        totalMeasure: m.totalMeasure ?? null,
      },
    ]),
  );
}

/** The form's fields as the engine's rows: values as the parser reads them (unreadable ones count as blank). */
export function valueRowsFrom(measures: FormMeasure[], fields: Fields): ValueRow[] {
  const rows: ValueRow[] = [];
  for (const measure of measures) {
    if (isText(measure)) continue;
    const commentKey = commentKeyOf(measure);
    for (const cell of cellsOf(measure)) {
      const parsed = parseCell(measure, cell, fields[cell.id] ?? '');
      rows.push({
        measureCode: measure.code,
        breakdownKey: cell.key,
        value: parsed.ok ? parsed.value : null,
        comment: cell.key === commentKey ? fields[commentId(measure.code)] ?? null : null,
      });
    }
  }
  return rows;
}

export interface CheckInputs {
  definitions: CheckDefinition[];
  sections: FormSection[];
  fields: Fields;
  previous: StoredValue[] | null;
  targets: TargetData[];
  quarter: number;
}

export function runFormChecks({ definitions, sections, fields, previous, targets, quarter }: CheckInputs): CheckResult[] {
  const measures = measuresOf(sections);
  return runChecks(definitions, {
    measures: measureInfos(measures),
    values: valuesFrom(valueRowsFrom(measures, fields)),
    previous: previous
      ? valuesFrom(
          previous.map((v) => ({
            measureCode: v.measureCode,
            breakdownKey: v.breakdownOption,
            value: v.value ?? null,
          })),
        )
      : null,
    targets,
    quarter: (quarter >= 1 && quarter <= 4 ? quarter : 1) as 1 | 2 | 3 | 4,
  });
}

/** Failed checks: HARD ones, and SOFT ones (explained or not). */
export const failedChecks = (results: CheckResult[]) => results.filter((r) => r.status === 'failed');

export { blockingFailures };

/** The measures each failed check is about: shown beside each of them. */
export function failuresByMeasure(results: CheckResult[]): Map<string, CheckResult[]> {
  const map = new Map<string, CheckResult[]>();
  for (const result of failedChecks(results)) {
    const codes = new Set([...result.measures, ...(result.explainedBy ? [result.explainedBy] : [])]);
    for (const code of codes) map.set(code, [...(map.get(code) ?? []), result]);
  }
  return map;
}

/** The measures named by checks that stop a submission. */
export function blockingMeasures(results: CheckResult[]): Set<string> {
  return new Set(blockingFailures(results).flatMap((r) => [...r.measures, ...(r.explainedBy ? [r.explainedBy] : [])]));
}

/** Likely identifiers in every text answer of the measures, by measure code. */
export function identifierWarnings(measures: FormMeasure[], fields: Fields): Map<string, IdentifierWarning[]> {
  const map = new Map<string, IdentifierWarning[]>();
  for (const measure of measures) {
    if (!isText(measure)) continue;
    const text = fields[cellsOf(measure)[0]!.id] ?? '';
    const found = findLikelyIdentifiers(text);
    if (found.length) map.set(measure.code, found);
  }
  return map;
}

export type { IdentifierWarning };

export interface ApiCheckResult {
  code: string;
  severity: string;
  status: string;
  message: string;
  measures: string[];
  explained?: boolean | null;
  explainedBy?: string | null;
}

/** The API's check results (CheckResult type, upper-case status) in the engine's shape. */
export function fromApiResults(results: ApiCheckResult[]): CheckResult[] {
  return results.map((r) => ({
    code: r.code,
    severity: r.severity === 'SOFT' ? 'SOFT' : 'HARD',
    status: r.status.toLowerCase() as CheckResult['status'],
    message: r.message,
    measures: r.measures,
    ...(r.explained === null || r.explained === undefined ? {} : { explained: r.explained }),
    ...(r.explainedBy ? { explainedBy: r.explainedBy } : {}),
  }));
}
