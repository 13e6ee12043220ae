// The JSON that python/read_dag.py prints for an existing DAG file, and small readers of its values.

/** A value of the DAG as read_dag.py reports it: JSON where literal, tagged objects otherwise. */
export type DagValue = string | number | boolean | null | DagValue[] | { [key: string]: DagValue };

export interface VariableValue {
  $: 'variable';
  key: string;
  default: DagValue;
}
export interface CallValue {
  $: 'call';
  callee: string;
  args: DagValue[];
  kwargs: Record<string, DagValue>;
  line: number;
}
export interface UnknownValue {
  $: 'unknown';
  source: string;
  line: number;
}

export interface ReadTask {
  line: number;
  operator: string;
  empty: boolean;
  variable: string | null;
  positional: number;
  kwargs: Record<string, DagValue>;
}

export interface DagReading {
  dags: { line: number; style: 'DAG' | 'decorator'; function?: string; args: DagValue[]; kwargs: Record<string, DagValue> }[];
  tasks: ReadTask[];
  /** [upstream task_id, downstream task_id, line]. */
  edges: [string, string, number][];
  unsupported: { line: number; reason: UnsupportedReason; values: Record<string, string> }[];
  /** Modules of `from X import ...` lines. */
  imports?: { module: string; line: number }[];
  error?: { reason: 'syntax' | 'unreadable'; values: Record<string, string | number> };
}

/** What read_dag.py could not follow, by reason (its words are the catalog's read.<reason>). */
export type UnsupportedReason = 'taskFunction' | 'otherOperator' | 'dependency' | 'loop';

function tagged(value: DagValue): string | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof value.$ === 'string' ? value.$ : undefined;
}

export function asCall(value: DagValue | undefined, callee?: string): CallValue | undefined {
  if (value === undefined || tagged(value) !== 'call') return undefined;
  const call = value as unknown as CallValue;
  return callee === undefined || call.callee === callee ? call : undefined;
}

export function asVariable(value: DagValue | undefined): VariableValue | undefined {
  return value !== undefined && tagged(value) === 'variable' ? (value as unknown as VariableValue) : undefined;
}

/** Whether a value is plain JSON all the way down (no Variable, call or unknown inside). */
export function isLiteral(value: DagValue): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(isLiteral);
  return tagged(value) === undefined && Object.values(value).every(isLiteral);
}

/** Python source for a value, for messages. */
export function describeValue(value: DagValue): string {
  if (tagged(value) === 'unknown') return (value as unknown as UnknownValue).source;
  if (tagged(value) === 'variable') return `Variable.get(${JSON.stringify((value as unknown as VariableValue).key)})`;
  if (tagged(value) === 'call') {
    const call = value as unknown as CallValue;
    return `${call.callee}(${[...call.args.map(describeValue), ...Object.entries(call.kwargs).map(([key, item]) => `${key}=${describeValue(item)}`)].join(', ')})`;
  }
  return JSON.stringify(value);
}

export function lineOf(value: DagValue | undefined, fallback: number): number {
  const line = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { line?: unknown }).line : undefined;
  return typeof line === 'number' ? line : fallback;
}
