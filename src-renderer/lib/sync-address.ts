/**
 * The rule for a sync server's address, checked in the form so the reader learns why before anything is sent (the
 * service checks it again): https:// anywhere, plain http:// only to this computer, never a user name or password in
 * the address. Returns the reason in plain words, or null when the address may be used.
 */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function syncAddressProblem(address: string): string | null {
  const text = address.trim();
  if (!text) return 'Type the address of your CouchDB server, for example https://couch.example.org.';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `“${text}” is not a web address: it should look like https://couch.example.org or http://localhost:5984.`;
  }
  if (url.username || url.password)
    return 'Leave the user name and password out of the address: type them in their own fields, where the password is kept safe.';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:')
    return LOCAL_HOSTS.has(url.hostname)
      ? null
      : `Plain http:// is allowed only to this computer (localhost): over the network anyone on the way could read your password and your notes. Use https://${url.host}${url.pathname === '/' ? '' : url.pathname} instead.`;
  return `Lectio syncs over https:// (or http:// to this computer only), not ${url.protocol.replace(':', '')}.`;
}
