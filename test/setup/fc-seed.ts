/** Every fast-check property of a run uses the run's seed (see test/setup/fc-seed-global.js). */
import fc from "fast-check";

const seed = Number(process.env.FC_SEED);
if (Number.isFinite(seed)) fc.configureGlobal({ seed: seed | 0 });
