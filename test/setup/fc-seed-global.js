/**
 * Jest global setup: one fast-check seed for the whole run, from FC_SEED or drawn at random,
 * printed so that a failing run can be repeated (FC_SEED=<seed> npx jest …). The workers
 * inherit it through the environment; test/setup/fc-seed.ts hands it to fast-check.
 */
module.exports = async () => {
  const given = process.env.FC_SEED;
  const seed = given !== undefined && given !== "" && Number.isFinite(Number(given)) ? Number(given) | 0 : (Math.random() * 0x7fffffff) | 0;
  process.env.FC_SEED = String(seed);
  process.stdout.write(`\nfast-check seed: ${seed} (repeat with FC_SEED=${seed})\n`);
};
