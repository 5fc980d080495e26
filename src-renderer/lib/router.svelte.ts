/**
 * Screen routing through the URL fragment, so the back button and reloads behave: `#/` (library),
 * `#/read/<id>` with an optional `?at=<start>-<end>` passage to reveal, and one path per other screen.
 */

export type Screen = 'library' | 'quiz' | 'review' | 'cards' | 'restore' | 'settings';

export interface Span {
  start: number;
  end: number;
}

export type Route = { screen: Screen } | { screen: 'reader'; id: string; at?: Span };

const SCREENS: readonly Screen[] = ['library', 'quiz', 'review', 'cards', 'restore', 'settings'];

export function parseRoute(hash: string): Route {
  const reader = /^#\/read\/([A-Za-z0-9_-]+)(?:\?at=(\d+)-(\d+))?$/.exec(hash);
  if (reader?.[1]) {
    const start = Number(reader[2]);
    const end = Number(reader[3]);
    return reader[2] !== undefined && end > start ? { screen: 'reader', id: reader[1], at: { start, end } } : { screen: 'reader', id: reader[1] };
  }
  const screen = /^#\/([a-z]+)$/.exec(hash)?.[1] as Screen | undefined;
  return { screen: screen && SCREENS.includes(screen) ? screen : 'library' };
}

export function routeHref(route: Route): string {
  if (route.screen === 'reader') return `#/read/${route.id}${route.at ? `?at=${route.at.start}-${route.at.end}` : ''}`;
  return route.screen === 'library' ? '#/' : `#/${route.screen}`;
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
