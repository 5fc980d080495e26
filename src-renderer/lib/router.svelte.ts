/** Screen routing through the URL fragment (#/ and #/read/<id>), so the back button and reloads behave. */

export type Route = { screen: 'library' } | { screen: 'reader'; id: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/read\/([A-Za-z0-9_-]+)$/.exec(hash);
  return match?.[1] ? { screen: 'reader', id: match[1] } : { screen: 'library' };
}

export function routeHref(route: Route): string {
  return route.screen === 'reader' ? `#/read/${route.id}` : '#/';
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
