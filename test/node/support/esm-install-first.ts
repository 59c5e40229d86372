// Installs the overlay as a side effect, for esm-child.mjs to import before its named fs imports are used.
import { installOverlay } from './install-overlay.js';

installOverlay([process.argv[2]!]);
