/**
 * The single entry both hosts call: it checks the method name, validates the argument against its schema, runs the
 * service, and turns every failure into a typed ApiError (core/errors.ts). Nothing below this line sees an unvalidated
 * argument, and no stack trace crosses the boundary: an unexpected error is logged here and sent as the generic message.
 */
import { isMethodName, type ApiResult, type LectioApi } from './contract';
import { inputSchemas } from './schemas';
import { isUnexpected, toApiError } from '../core/errors';

/** Runs one API call; never throws. */
export async function dispatch(api: LectioApi, method: unknown, input: unknown): Promise<ApiResult<unknown>> {
  if (!isMethodName(method))
    return { ok: false, error: { code: 'unknown-method', message: `Unknown method: ${String(method).slice(0, 80)}` } };
  const parsed = inputSchemas[method].safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return {
      ok: false,
      error: { code: 'invalid-argument', message: `${method}: ${where}${issue?.message ?? 'invalid argument'}` },
    };
  }
  try {
    const call = api[method] as (arg: unknown) => Promise<unknown>;
    return { ok: true, value: await call(parsed.data) };
  } catch (error) {
    // The reader is told only that something went wrong; whoever debugs it needs the stack, so it stays in this log.
    if (isUnexpected(error)) console.error(`lectio: ${method} failed unexpectedly:`, error);
    return { ok: false, error: toApiError(error) };
  }
}
