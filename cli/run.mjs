#!/usr/bin/env node
/** The `lucid` command (`npm run cli`, the package's bin): runs the compiled CLI, building it first when missing or stale. */
import { ensureBuilt } from './build.mjs';

await import(await ensureBuilt());
