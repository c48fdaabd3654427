/** Injected faults (injectFault / failNext): errors, connection resets and slow answers. */
import { ServiceError, statusOf } from './http.js';
import type { DelayFault, ErrorFault, Fault, FaultTarget } from './types.js';

/** Matches every AWS API operation (not the HTML approval pages). */
export const ANY_OPERATION = '*';

interface Armed {
  target: FaultTarget;
  fault: Fault;
  /** Calls still to strike; Infinity while `always`. */
  left: number;
}

/** What the server does with one call. */
export type Strike = { kind: 'error'; error: ServiceError } | { kind: 'reset' } | { kind: 'delay'; ms: number };

const isWhole = (value: number, min: number) => Number.isInteger(value) && value >= min;

function checkRepeat(fault: Fault): number {
  if (fault.always !== undefined && fault.count !== undefined) throw new Error('count and always exclude each other');
  if (fault.always) return Infinity;
  const count = fault.count ?? 1;
  if (!isWhole(count, 1)) throw new Error('count must be a whole number of at least 1');
  return count;
}

function checkError(fault: ErrorFault): void {
  if (typeof fault.errorType !== 'string' || fault.errorType === '') throw new Error('errorType is required');
  if (fault.status === undefined && statusOf(fault.errorType) === undefined) throw new Error(`status is required for ${fault.errorType}`);
  if (fault.status !== undefined && !(isWhole(fault.status, 400) && fault.status <= 599)) throw new Error('status must be 400–599');
  const { retryAfter } = fault;
  if (typeof retryAfter === 'number' && !(Number.isFinite(retryAfter) && retryAfter >= 0)) throw new Error('retryAfter must be at least 0');
}

function checkDelay(fault: DelayFault): void {
  if (!(Number.isFinite(fault.ms) && fault.ms >= 0)) throw new Error('ms must be a number of milliseconds');
}

function checkFault(fault: Fault): void {
  switch (fault.kind) {
    case undefined:
    case 'error':
      return checkError(fault);
    case 'delay':
      return checkDelay(fault);
    case 'reset':
      return;
    default:
      throw new Error(`unknown fault kind "${(fault as { kind: unknown }).kind}"`);
  }
}

function strikeOf(fault: Fault): Strike {
  if (fault.kind === 'reset') return { kind: 'reset' };
  if (fault.kind === 'delay') return { kind: 'delay', ms: fault.ms };
  const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
  const error = new ServiceError(fault.errorType, fault.message ?? `Injected ${fault.errorType}`, fault.status, headers);
  return { kind: 'error', error };
}

/** The injected faults, in injection order; a call takes the first that matches it. */
export class FaultBook {
  private armed: Armed[] = [];

  constructor(private readonly operations: ReadonlySet<string>) {}

  add(target: FaultTarget, fault: Fault, caller = 'injectFault'): void {
    try {
      if (target !== ANY_OPERATION && !this.operations.has(target)) {
        throw new Error(`unknown operation "${target}"; one of ${[...this.operations].join(', ')} or ${ANY_OPERATION}`);
      }
      checkFault(fault);
      this.armed.push({ target, fault: { ...fault }, left: checkRepeat(fault) });
    } catch (error) {
      throw new Error(`${caller}: ${(error as Error).message}`);
    }
  }

  clear(target?: FaultTarget): void {
    this.armed = target === undefined ? [] : this.armed.filter((a) => a.target !== target);
  }

  /** The fault for this call of `op`, used up; `api` is false for the HTML pages, which '*' skips. */
  take(op: string, api: boolean): Strike | undefined {
    if (this.armed.length === 0) return undefined;
    const index = this.armed.findIndex((a) => a.target === op || (api && a.target === ANY_OPERATION));
    const armed = this.armed[index];
    if (!armed) return undefined;
    armed.left -= 1;
    if (armed.left === 0) this.armed.splice(index, 1);
    return strikeOf(armed.fault);
  }
}
