/** Sync settings are refused before anything is saved: plain http only to this machine, no credentials in the URL. */
import { describe, expect, it } from 'vitest';
import { syncSchemas } from './sync';

const settings = (url: string) => ({ url, database: 'lectio', username: 'reader', password: '', live: false });

describe('configureSync input', () => {
  it.each(['https://couch.example.org', 'http://localhost:5984', 'http://127.0.0.1:5984/', 'http://[::1]:5984'])(
    'accepts %s',
    (url) => {
      expect(syncSchemas.configureSync.safeParse(settings(url)).success).toBe(true);
    },
  );

  it.each([
    ['http://couch.example.org', 'only allowed to this machine'],
    ['https://reader:secret@couch.example.org', 'not in the server address'],
    ['ftp://couch.example.org', 'must start with https://'],
    ['couch', 'not a web address'],
  ])('refuses %s', (url, reason) => {
    const result = syncSchemas.configureSync.safeParse(settings(url));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(reason);
    // The refusal never echoes a password given in the address.
    expect(JSON.stringify(result.error?.issues)).not.toContain('secret@');
  });

  it('refuses a database name CouchDB would refuse', () => {
    expect(syncSchemas.configureSync.safeParse({ ...settings('https://a.org'), database: '_users' }).success).toBe(
      false,
    );
    expect(syncSchemas.configureSync.safeParse({ ...settings('https://a.org'), database: 'Lectio' }).success).toBe(
      false,
    );
  });

  it('asks for arrivals from a whole number no lower than 0, and nothing else', () => {
    expect(syncSchemas.getSyncArrivals.safeParse({ since: 3 }).success).toBe(true);
    for (const bad of [{ since: -1 }, { since: 1.5 }, { since: '3' }, {}, { since: 0, more: 1 }])
      expect(syncSchemas.getSyncArrivals.safeParse(bad).success).toBe(false);
  });
});
