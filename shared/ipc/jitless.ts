import { z } from 'zod';

// For pages (the renderer, the preload, the e2e bridge), whose Content-Security-Policy forbids
// eval. zod compiles a fast path for each object schema with `new Function` when it finds eval
// allowed at the moment the schema is built, and then calls it at parse time: in an init
// script or a preload the check can pass while the page's later call is refused. Jitless
// skips the compilation everywhere. Import this module before any module that builds schemas.
z.config({ jitless: true });
