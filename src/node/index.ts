// Node's fs face over the engine: the router that decides which paths are the overlay's, and the installer.
export { createRouter, type RoutingOptions, type Router } from './routing.js';
export { installFs } from './install.js';
export { routedFs, routedPromises, builtOnRouted, passedThrough, dataMembers } from './members.js';
