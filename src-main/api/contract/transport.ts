/**
 * How a call crosses between the renderer and the main process: its result (a value or a typed error, never a stack
 * trace), the IPC channel and HTTP path of each method, and browser mode's token header. Channel names appear here and
 * in the transports that map them, nowhere else.
 */
import type { ApiError } from '../../core/errors';
import type { MethodName } from './methods';

/** Failures cross the boundary as core/errors.ts's ApiError: one of its API codes and a message for the reader. */
export type { ApiError, ApiErrorCode, ErrorCode } from '../../core/errors';

/** What crosses the boundary: a value or a typed error, never a stack trace. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Electron IPC channel of a method. The preload and the main-process registration both use this, nothing else. */
export function ipcChannel(method: MethodName): string {
  return `lectio:${method}`;
}

/** Browser-mode HTTP path of a method (POST, JSON body). */
export function httpPath(method: MethodName): string {
  return `/api/${method}`;
}

export const TOKEN_HEADER = 'x-lectio-token';
