/**
 * For search-engine-process.test.ts: starts the bundled engine on the folder
 * given as argument, prints its pid, then dies as a V8 fatal error does
 * (abort: no exit handlers, no clean-up). Only the watchdog can stop the engine.
 */
import { startEmbeddedEngine } from "~/modules/search/engine.server";

const engine = await startEmbeddedEngine({ dir: process.argv[2] });
process.stdout.write(`${engine.pid}\n`, () => process.abort());
