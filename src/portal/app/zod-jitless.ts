/**
 * Zod without its just-in-time parsers. Zod probes whether it may compile code with
 * `new Function` the first time it parses an object; under the portal's Content-Security-Policy
 * (no 'unsafe-eval', rightly) the probe is refused and Chromium logs a CSP violation on every
 * page load. With `jitless`, zod skips the probe and parses as it would after a refusal anyway.
 * Imported first by main.tsx, before any schema parses.
 */
import { z } from 'zod';

z.config({ jitless: true });
