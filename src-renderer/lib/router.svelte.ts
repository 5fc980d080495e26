/**
 * Screen routing through the URL fragment, so the back button and reloads behave: `#/` (library),
 * `#/read/<id>` with an optional `?at=<start>-<end>` passage to reveal, and one path per other screen (which may
 * name a document: `#/quiz?doc=<id>` starts a quiz on it).
 */

export type Screen = 'library' | 'quiz' | 'review' | 'cards' | 'restore' | 'settings' | 'conflicts';

export interface Span {
  start: number;
  end: number;
}

/** An actor's dossier (`#/actor?key=…`, or `#/actor?doc=<id>&actor=<actor id>` from one document's actor). */
export type ActorRoute = { screen: 'actor'; key: string } | { screen: 'actor'; documentId: string; actorId: string };

export type Route = { screen: Screen; documentId?: string } | { screen: 'reader'; id: string; at?: Span } | ActorRoute;

function parseActorRoute(hash: string): ActorRoute | null {
  const match = /^#\/actor\?(.+)$/.exec(hash);
  if (!match?.[1]) return null;
  const params = new URLSearchParams(match[1]);
  const key = params.get('key');
  if (key) return { screen: 'actor', key };
  const documentId = params.get('doc');
  const actorId = params.get('actor');
  return documentId && actorId ? { screen: 'actor', documentId, actorId } : null;
}

const SCREENS: readonly Screen[] = ['library', 'quiz', 'review', 'cards', 'restore', 'settings', 'conflicts'];

export function parseRoute(hash: string): Route {
  const actor = parseActorRoute(hash);
  if (actor) return actor;
  const reader = /^#\/read\/([A-Za-z0-9_-]+)(?:\?at=(\d+)-(\d+))?$/.exec(hash);
  if (reader?.[1]) {
    const start = Number(reader[2]);
    const end = Number(reader[3]);
    return reader[2] !== undefined && end > start
      ? { screen: 'reader', id: reader[1], at: { start, end } }
      : { screen: 'reader', id: reader[1] };
  }
  const match = /^#\/([a-z]+)(?:\?doc=([A-Za-z0-9_-]+))?$/.exec(hash);
  const screen = match?.[1] as Screen | undefined;
  if (!screen || !SCREENS.includes(screen)) return { screen: 'library' };
  return match?.[2] ? { screen, documentId: match[2] } : { screen };
}

export function routeHref(route: Route): string {
  if (route.screen === 'actor')
    return `#/actor?${new URLSearchParams('key' in route ? { key: route.key } : { doc: route.documentId, actor: route.actorId })}`;
  if (route.screen === 'reader') return `#/read/${route.id}${route.at ? `?at=${route.at.start}-${route.at.end}` : ''}`;
  if (route.screen === 'library') return '#/';
  return `#/${route.screen}${route.documentId ? `?doc=${route.documentId}` : ''}`;
}

export class Router {
  route = $state<Route>(parseRoute(window.location.hash));

  constructor() {
    window.addEventListener('hashchange', () => {
      this.route = parseRoute(window.location.hash);
    });
  }

  go(route: Route): void {
    window.location.hash = routeHref(route);
  }
}
