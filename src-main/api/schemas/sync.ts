/** Validation of the sync methods' arguments: the server settings (plain http only to this machine, no credentials in the URL). */
import { z } from 'zod';
import type { SyncMethods } from '../contract';
import { empty, note, type SchemasOf } from './common';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why a server address is refused, or null when it is acceptable. */
export function serverUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'The server address is not a web address (it starts with https://).';
  }
  if (url.username || url.password)
    return 'Put the user name and password in their own fields, not in the server address.';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:')
    return LOOPBACK_HOSTS.has(url.hostname)
      ? null
      : 'Plain http is only allowed to this machine (localhost); use https:// for another server.';
  return 'The server address must start with https:// (or http:// for localhost).';
}

const serverUrl = z
  .string()
  .trim()
  .min(1, 'The server address is empty.')
  .max(2000)
  .superRefine((value, ctx) => {
    const problem = serverUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** CouchDB's own rule for database names. */
const database = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9_$()+/-]{0,237}$/,
    'A database name starts with a lowercase letter and holds lowercase letters, digits and _$()+-/ only.',
  );

export const syncSchemas: SchemasOf<SyncMethods> = {
  getSyncStatus: empty,
  configureSync: z
    .object({
      url: serverUrl,
      database,
      username: z.string().max(200),
      password: z.string().max(1000),
      live: z.boolean(),
    })
    .strict(),
  syncNow: empty,
  setLiveSync: z.object({ live: z.boolean() }).strict(),
  stopSyncing: empty,
  listSyncConflicts: empty,
  resolveSyncConflict: z.object({ id: z.string().min(1).max(300), text: note }).strict(),
  getSyncArrivals: z.object({ since: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict(),
};
