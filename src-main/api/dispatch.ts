/**
 * The single entry both hosts call: it checks the method name, validates the argument against its schema, runs the
 * service, and turns every failure into a typed ApiError. Nothing below this line sees an unvalidated argument, and no
 * stack trace crosses the boundary.
 */
import { isMethodName, type ApiError, type ApiResult, type LectioApi } from './contract';
import { inputSchemas } from './schemas';
import { InvalidInputError } from './service';
import { NotFoundError } from '../storage/library-storage';
import { StoreRetiredError } from '../storage/durable-file';
import { NewerFileHeldError } from '../storage/json-store';
import { ExtractionCancelledError } from '../analysis/extraction-runner';
import { BackupCancelledError } from '../storage/backups';
import { ExportCancelledError } from './services/exports';

function toApiError(error: unknown): ApiError {
  if (error instanceof InvalidInputError) return { code: 'invalid-argument', message: error.message };
  if (error instanceof NotFoundError) return { code: 'not-found', message: error.message };
  if (error instanceof StoreRetiredError || error instanceof NewerFileHeldError) return { code: 'storage', message: error.message };
  if (error instanceof ExtractionCancelledError || error instanceof BackupCancelledError || error instanceof ExportCancelledError) return { code: 'cancelled', message: error.message };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC') return { code: 'storage', message: 'The disk is full: the change was not saved, and your data is unchanged.' };
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return { code: 'storage', message: 'Lectio may not write to its data folder: the change was not saved, and your data is unchanged.' };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : 'Unexpected error' };
}

/** Runs one API call; never throws. */
export async function dispatch(api: LectioApi, method: unknown, input: unknown): Promise<ApiResult<unknown>> {
  if (!isMethodName(method)) return { ok: false, error: { code: 'unknown-method', message: `Unknown method: ${String(method).slice(0, 80)}` } };
  const parsed = inputSchemas[method].safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, error: { code: 'invalid-argument', message: `${method}: ${where}${issue?.message ?? 'invalid argument'}` } };
  }
  try {
    const call = api[method] as (arg: unknown) => Promise<unknown>;
    return { ok: true, value: await call(parsed.data) };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}
