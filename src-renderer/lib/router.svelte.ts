/**
 * Screen routing through the URL fragment, so the back button and reloads behave: `#/` (library),
 * `#/read/<id>` with an optional `?at=<start>-<end>` passage to reveal, and one path per other screen (which may
 * name a document: `#/quiz?doc=<id>` starts a quiz on it). A quiz may be on a collection, last week's reading or an
 * actor: `#/quiz?collection=<id>`, `#/quiz?recent`, `#/quiz?actor=<identity key, URI-encoded>`.
 */
import type { StudyScope } from '@contract';

export type Screen = 'library' | 'quiz' | 'review' | 'cards' | 'restore' | 'settings' | 'today' | 'conflicts';

export interface Span {
  start: number;
  end: number;
}

/** An actor's dossier (`#/actor?key=…`, or `#/actor?doc=<id>&actor=<actor id>` from one document's actor). */
export type ActorRoute = { screen: 'actor'; key: string } | { screen: 'actor'; documentId: string; actorId: string };

export type Route =
  | { screen: Screen; documentId?: string; study?: StudyScope }
  | { screen: 'reader'; id: string; at?: Span }
  | ActorRoute
  /** The library timeline, of the whole library or of one collection (`#/timeline?collection=<id>`). */
  | { screen: 'timeline'; collection?: string };

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

const SCREENS: readonly Screen[] = ['library', 'quiz', 'review', 'cards', 'restore', 'settings', 'today', 'conflicts'];

function studyFrom(query: string): StudyScope | null {
  if (query === 'recent') return { kind: 'recent' };
  const collection = /^collection=([A-Za-z0-9_-]+)$/.exec(query)?.[1];
  if (collection) return { kind: 'collection', collectionId: collection };
  const actor = /^actor=([^&]+)$/.exec(query)?.[1];
  try {
    return actor ? { kind: 'actor', key: decodeURIComponent(actor) } : null;
  } catch {
    return null; // a malformed escape: no study, the plain quiz screen
  }
}

function studyQuery(study: StudyScope): string {
  if (study.kind === 'recent') return 'recent';
  if (study.kind === 'collection') return `collection=${study.collectionId}`;
  return 'key' in study ? `actor=${encodeURIComponent(study.key)}` : '';
}

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
  const studied = /^#\/quiz\?(.+)$/.exec(hash);
  const study = studied?.[1] ? studyFrom(studied[1]) : null;
  if (study) return { screen: 'quiz', study };
  const timeline = /^#\/timeline(?:\?collection=([A-Za-z0-9_-]+))?$/.exec(hash);
  if (timeline) return timeline[1] ? { screen: 'timeline', collection: timeline[1] } : { screen: 'timeline' };
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
  if (route.screen === 'timeline') return `#/timeline${route.collection ? `?collection=${route.collection}` : ''}`;
  if (route.study) return `#/${route.screen}?${studyQuery(route.study)}`;
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
