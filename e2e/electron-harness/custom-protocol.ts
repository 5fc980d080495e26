/**
 * The stand-in's `protocol`: main registers the `lectio-image:` scheme before ready and its handler after, as in
 * Electron. The handlers are kept, so a spec can ask one what it serves for an address as Electron would call it
 * (`fetchThrough`); Chromium itself does not route an unknown scheme to the harness, so pages cannot load it here.
 */
interface SchemePrivileges {
  scheme: string;
  privileges?: Record<string, boolean>;
}

type Handler = (request: Request) => Response | Promise<Response>;

const schemes: SchemePrivileges[] = [];
const handlers = new Map<string, Handler>();

export const protocol = Object.freeze({
  registerSchemesAsPrivileged(custom: SchemePrivileges[]): void {
    schemes.push(...custom);
  },
  handle(scheme: string, handler: Handler): void {
    if (handlers.has(scheme)) throw new Error(`The scheme ${scheme} is already handled`);
    handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    handlers.delete(scheme);
  },
  isProtocolHandled(scheme: string): boolean {
    return handlers.has(scheme);
  },
});

/** The registered privileged schemes, for specs. */
export function privilegedSchemes(): readonly SchemePrivileges[] {
  return schemes;
}

/** What the handler of `url`'s scheme answers for a GET of it; null when no handler is registered. */
export async function fetchThrough(url: string): Promise<Response | null> {
  const handler = handlers.get(new URL(url).protocol.replace(/:$/, ''));
  return handler ? handler(new Request(url)) : null;
}
