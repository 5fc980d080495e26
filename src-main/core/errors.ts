/**
 * Lectio's one error model. Every failure the app tells apart has a code; a LectioError carries it with a message the
 * reader can act on. Services, storage and importers throw it; the hosts turn it into the typed result the API sends
 * (`toApiError`), and the renderer's client rebuilds it (`fromApiError`), so a screen switches on `code`, never on
 * message text. Pure: no Node, DOM or Electron, so the core, the main process and the renderer all import it.
 */

/**
 * The codes the API sends, unchanged since the first release: clients (the renderer, tests, scripts) match on these.
 * Finer codes below travel as one of these (`sentAs`), so a new kind of failure never breaks a client.
 */
export const API_ERROR_CODES = [
  'invalid-argument',
  'unknown-method',
  'not-found',
  'too-large',
  'storage',
  'forbidden',
  'cancelled',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

interface ErrorKind {
  /** What the API sends for it. */
  sentAs: ApiErrorCode;
  /** The HTTP status when browser mode's host refuses a request with it before any method runs. */
  status: number;
  /** The message when the thrower gives none; kinds whose message names a file or a limit have none here. */
  message?: string;
}

const GENERIC_MESSAGE =
  'Lectio ran into an unexpected problem and could not finish this. Try again; if it keeps happening, restart Lectio.';

/** Every kind of failure, what it is sent as, its HTTP status, and its standard message where it has one. */
export const ERROR_KINDS = {
  /** An argument that fails its schema, or passes it and makes no sense (an empty article, an unknown actor). */
  'invalid-argument': { sentAs: 'invalid-argument', status: 400 },
  'unknown-method': { sentAs: 'unknown-method', status: 404 },
  /** A record (document, quiz session, …) that is not in the library. */
  'not-found': { sentAs: 'not-found', status: 404 },
  /** A file picked in the desktop dialog that is over the size limit. */
  'too-large': { sentAs: 'too-large', status: 413 },
  /** Saving failed for a reason not told apart below; nothing was changed. */
  storage: { sentAs: 'storage', status: 500 },
  /** A call from outside the Lectio window, or without the per-launch token. */
  forbidden: { sentAs: 'forbidden', status: 403, message: 'This call did not come from the Lectio window.' },
  /** A long task (analysis, backup, export, reading a file) stopped at the reader's request. */
  cancelled: { sentAs: 'cancelled', status: 409 },
  /** Anything unexpected: a bug. The reader sees the generic message, the stack stays in the main process's log. */
  internal: { sentAs: 'internal', status: 500, message: GENERIC_MESSAGE },

  /** A second export or backup asked for while one runs. */
  busy: { sentAs: 'invalid-argument', status: 409 },
  /** A web address Lectio may not fetch, or a page that could not be fetched or holds no article. */
  'page-fetch': { sentAs: 'invalid-argument', status: 400 },
  /** A file that is not text, over the size limit, or in an encoding or format Lectio does not read. */
  'unreadable-file': { sentAs: 'invalid-argument', status: 400 },
  /** Markdown whose parse overran its time budget. */
  'import-too-complex': {
    sentAs: 'invalid-argument',
    status: 400,
    message:
      'This file is too complex to import: its Markdown would take too long to read. Import it as plain text instead (untick Markdown).',
  },
  /** A backup that is missing, incomplete, or whose copies fail their check. */
  'backup-unusable': { sentAs: 'invalid-argument', status: 400 },
  /** A backup that could not be taken. */
  'backup-failed': { sentAs: 'internal', status: 500 },
  /** The library folder is open in another Lectio process. */
  'library-locked': { sentAs: 'storage', status: 409 },
  /** A data file written by a newer Lectio (schema newer than this version reads). */
  'newer-schema': { sentAs: 'storage', status: 409 },
  /** A write refused because its file is from a newer Lectio, held untouched. */
  'newer-file-held': { sentAs: 'storage', status: 409 },
  /** A write refused because the library was restored from a backup after the file was opened. */
  'store-retired': {
    sentAs: 'storage',
    status: 409,
    message:
      'The library was restored from a backup while this change was being made, so the change was not saved. Try it again.',
  },
  /** A data file that exists but does not parse. */
  'corrupt-file': { sentAs: 'storage', status: 500 },
  'disk-full': {
    sentAs: 'storage',
    status: 507,
    message: 'The disk is full: the change was not saved, and your data is unchanged.',
  },
  'no-write-access': {
    sentAs: 'storage',
    status: 500,
    message: 'Lectio may not write to its data folder: the change was not saved, and your data is unchanged.',
  },
  /** A worker thread (the extraction engine, the Markdown parser) that stopped. */
  'worker-stopped': { sentAs: 'internal', status: 500 },
  /** Browser mode: a request body over the cap. */
  'body-too-large': { sentAs: 'invalid-argument', status: 413 },
  /** Browser mode: a request body that is not JSON. */
  'bad-request': { sentAs: 'invalid-argument', status: 400, message: 'Body is not JSON' },
  /** Browser mode: a request with the wrong HTTP method. */
  'wrong-http-method': { sentAs: 'invalid-argument', status: 405 },
  /** Anki with AnkiConnect did not answer (not running, add-on missing or too old), or refused a call. */
  'anki-unavailable': { sentAs: 'invalid-argument', status: 503 },
  /** Sync asked for (Sync now, live sync) on a device with no server set up. */
  'sync-not-configured': {
    sentAs: 'invalid-argument',
    status: 409,
    message: 'Sync is not set up on this device: enter a server in Settings › Sync first.',
  },
  /** The sync server could not be reached, refused the user name or password, or answered with an error. */
  'sync-server': { sentAs: 'invalid-argument', status: 502 },
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof ERROR_KINDS;

/** What crosses the boundary when a call fails: a code and a message, never a stack trace. */
export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

/** A failure Lectio knows: its code, a message for the reader, and optional facts for the code that handles it. */
export class LectioError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  /** Without `message`, the code's standard one (the generic message for a code that has none). */
  constructor(code: ErrorCode, message?: string, options: { details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message ?? standardMessage(code), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LectioError';
    this.code = code;
    this.details = options.details;
  }
}

/** The code's standard message, or the generic one when it has none. */
export function standardMessage(code: ErrorCode): string {
  const kind: ErrorKind = ERROR_KINDS[code];
  return kind.message ?? GENERIC_MESSAGE;
}

/** True for a LectioError (of `code`, when given). */
export function isLectioError(error: unknown, code?: ErrorCode): error is LectioError {
  return error instanceof LectioError && (code === undefined || error.code === code);
}

/** Node's error codes for a write the disk or the folder's permissions refused, as the kinds the reader is told. */
const ERRNO_KINDS: Readonly<Record<string, ErrorCode>> = {
  ENOSPC: 'disk-full',
  EACCES: 'no-write-access',
  EPERM: 'no-write-access',
  EROFS: 'no-write-access',
};

/** Any thrown value as a LectioError: itself, a known file-system refusal, or 'internal' with the generic message. */
export function asLectioError(error: unknown): LectioError {
  if (error instanceof LectioError) return error;
  const errno = (error as { code?: unknown } | null | undefined)?.code;
  const kind = typeof errno === 'string' ? ERRNO_KINDS[errno] : undefined;
  return new LectioError(kind ?? 'internal', undefined, { cause: error });
}

/** True when `error` is one the app did not expect (a bug): the caller logs it, as the reader sees only the generic message. */
export function isUnexpected(error: unknown): boolean {
  return !(error instanceof LectioError) && asLectioError(error).code === 'internal';
}

/** What the API sends for a failure: the code it travels as and its message; an unexpected error's text is never sent. */
export function toApiError(error: unknown): ApiError {
  const known = asLectioError(error);
  return { code: ERROR_KINDS[known.code].sentAs, message: known.message };
}

/** The HTTP status for a request refused with `error` before any method ran. */
export function httpStatus(error: LectioError): number {
  return ERROR_KINDS[error.code].status;
}

/** The renderer's side: the error a failed call returned, as a LectioError to throw (unknown codes become 'internal'). */
export function fromApiError(error: ApiError): LectioError {
  const code: ErrorCode = (API_ERROR_CODES as readonly string[]).includes(error.code) ? error.code : 'internal';
  return new LectioError(code, typeof error.message === 'string' ? error.message : undefined);
}
