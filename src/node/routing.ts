// Which absolute paths belong to the overlay (see path-router.ts), with picomatch as the glob matcher.
import picomatch from 'picomatch';
import { createPathRouter, type Router, type RoutingOptions } from './path-router.js';

export type { Router, RoutingOptions } from './path-router.js';

export function createRouter(o: RoutingOptions): Router {
  return createPathRouter(o, (globs) => picomatch(globs, { dot: true }));
}
