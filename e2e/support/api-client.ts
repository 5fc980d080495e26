/**
 * Calling a running browser-mode server's API from a spec over plain Node http, as the page does: POST with the
 * per-launch token and the server's own Origin. Used where a spec drives the API in bulk (crash and restart tests).
 */
import { Agent, request } from 'node:http';
import type { ApiResult, MethodInput, MethodName, MethodOutput } from '@contract';

export interface ApiTarget {
  origin: string;
  token: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 32 });

/** The call's typed result; rejects only when the connection fails (the server is gone). */
export function callApi<M extends MethodName>(
  target: ApiTarget,
  method: M,
  input: MethodInput<M>,
): Promise<ApiResult<MethodOutput<M>>> {
  const url = new URL(`/api/${method}`, target.origin);
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          origin: target.origin,
          'x-lectio-token': target.token,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiResult<MethodOutput<M>>);
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The value of a call that must succeed; throws with the API's message otherwise. */
export async function mustCall<M extends MethodName>(
  target: ApiTarget,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await callApi(target, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

type PlainArticle = Omit<MethodInput<'importDocument'>, 'format'> & { title: string };

/** Imports each article as plain text (a spec's set-up, not what it tests); returns their ids by title. */
export async function importArticles(
  target: ApiTarget,
  articles: readonly PlainArticle[],
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const article of articles) {
    ids[article.title] = (await mustCall(target, 'importDocument', { ...article, format: 'text' })).id;
  }
  return ids;
}
