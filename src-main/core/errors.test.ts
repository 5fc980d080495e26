import { describe, expect, it } from 'vitest';
import {
  API_ERROR_CODES,
  ERROR_KINDS,
  LectioError,
  asLectioError,
  fromApiError,
  httpStatus,
  isLectioError,
  isUnexpected,
  standardMessage,
  toApiError,
  type ErrorCode,
} from './errors';

const CODES = Object.keys(ERROR_KINDS) as ErrorCode[];

function errno(code: string): Error {
  return Object.assign(new Error(`${code}: something at /home/reader/.lectio/library.json`), { code });
}

describe('the error model', () => {
  it('sends every code as one the API has always sent, and each API code as itself', () => {
    for (const code of CODES) expect(API_ERROR_CODES, code).toContain(ERROR_KINDS[code].sentAs);
    for (const code of API_ERROR_CODES) expect(ERROR_KINDS[code].sentAs).toBe(code);
  });

  it('gives a LectioError its code, message, details and cause; without a message, the standard one', () => {
    const cause = new Error('parse');
    const error = new LectioError('corrupt-file', 'x.json is not valid JSON', {
      details: { file: '/d/x.json' },
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      code: 'corrupt-file',
      message: 'x.json is not valid JSON',
      details: { file: '/d/x.json' },
      cause,
      name: 'LectioError',
    });
    expect(new LectioError('store-retired').message).toBe(ERROR_KINDS['store-retired'].message);
    expect(new LectioError('import-too-complex').message).toMatch(/^This file is too complex to import/);
    // A code without a standard message falls back to the generic one rather than an empty message.
    expect(new LectioError('not-found').message).toBe(standardMessage('internal'));
  });

  it('tells LectioErrors apart by code', () => {
    const error = new LectioError('cancelled', 'The analysis was stopped.');
    expect(isLectioError(error)).toBe(true);
    expect(isLectioError(error, 'cancelled')).toBe(true);
    expect(isLectioError(error, 'busy')).toBe(false);
    expect(isLectioError(new Error('cancelled'), 'cancelled')).toBe(false);
    expect(isLectioError(Object.assign(new Error('x'), { code: 'cancelled' }), 'cancelled')).toBe(false);
    expect(isLectioError(null)).toBe(false);
  });

  it.each([
    [
      new LectioError('page-fetch', 'The page redirects in a loop.'),
      { code: 'invalid-argument', message: 'The page redirects in a loop.' },
    ],
    [
      new LectioError('newer-file-held', 'Nothing can be saved to library.json.'),
      { code: 'storage', message: 'Nothing can be saved to library.json.' },
    ],
    [
      new LectioError('cancelled', 'The export was cancelled; no file was made.'),
      { code: 'cancelled', message: 'The export was cancelled; no file was made.' },
    ],
    [
      errno('ENOSPC'),
      { code: 'storage', message: 'The disk is full: the change was not saved, and your data is unchanged.' },
    ],
    [
      errno('EROFS'),
      {
        code: 'storage',
        message: 'Lectio may not write to its data folder: the change was not saved, and your data is unchanged.',
      },
    ],
    [errno('ENOENT'), { code: 'internal', message: standardMessage('internal') }],
    [new RangeError('Invalid array length'), { code: 'internal', message: standardMessage('internal') }],
    [undefined, { code: 'internal', message: standardMessage('internal') }],
  ])('sends %s as an API code and message, never a stack or a path', (error, sent) => {
    const api = toApiError(error);
    expect(api).toEqual(sent);
    expect(api.message).not.toMatch(/\.lectio|\n\s+at /);
  });

  it('calls only what is neither a LectioError nor a known file-system refusal unexpected', () => {
    expect(isUnexpected(new TypeError('x'))).toBe(true);
    expect(isUnexpected('thrown string')).toBe(true);
    expect(isUnexpected(errno('ENOENT'))).toBe(true);
    expect(isUnexpected(errno('ENOSPC'))).toBe(false);
    expect(isUnexpected(new LectioError('internal', 'The backup could not be taken.'))).toBe(false);
    expect(asLectioError(errno('EACCES')).code).toBe('no-write-access');
  });

  it('gives each refusal of browser mode its HTTP status', () => {
    expect(httpStatus(new LectioError('forbidden'))).toBe(403);
    expect(httpStatus(new LectioError('wrong-http-method', 'Use POST'))).toBe(405);
    expect(httpStatus(new LectioError('bad-request'))).toBe(400);
    expect(httpStatus(new LectioError('body-too-large', 'Request too large'))).toBe(413);
    expect(httpStatus(new LectioError('internal'))).toBe(500);
  });

  it('rebuilds on the renderer the error a call sent, so a screen switches on its code', () => {
    for (const code of API_ERROR_CODES) {
      const rebuilt = fromApiError({ code, message: `failed: ${code}` });
      expect(rebuilt).toBeInstanceOf(LectioError);
      expect(rebuilt).toMatchObject({ code, message: `failed: ${code}` });
      expect(toApiError(rebuilt)).toEqual({ code, message: `failed: ${code}` });
    }
    // A code from a newer main process than this page knows is still an error the page can show.
    expect(fromApiError({ code: 'teleported' as never, message: 'Gone elsewhere.' })).toMatchObject({
      code: 'internal',
      message: 'Gone elsewhere.',
    });
  });
});
