/**
 * What a sync server's failure means, in plain words (issue #21). The message is built from the failure's kind and
 * the server address the reader typed (which holds no credentials: the schema refuses them), never from the error's
 * own text, which could carry a request's headers or address: credentials never reach a log or an error message.
 */
import { LectioError } from '../core/errors';
import type { SyncState } from '../api/contract';

export interface ServerProblem {
  state: Extract<SyncState, 'offline' | 'error'>;
  message: string;
}

export function describeServerError(error: unknown, server: { url: string; database: string }): ServerProblem {
  const status = (error as { status?: unknown } | null)?.status;
  if (status === 401) return { state: 'error', message: 'Wrong user name or password.' };
  if (status === 403)
    return { state: 'error', message: `This user may not use the database "${server.database}" on the server.` };
  if (status === 404)
    return {
      state: 'error',
      message: `The database "${server.database}" does not exist on the server, and this user may not create it.`,
    };
  if (typeof status === 'number' && status >= 400)
    return { state: 'error', message: `The sync server answered with an error (HTTP ${status}). Try again later.` };
  return { state: 'offline', message: `Can't reach the server at ${server.url}.` };
}

export function serverError(error: unknown, server: { url: string; database: string }): LectioError {
  return new LectioError('sync-server', describeServerError(error, server).message);
}
