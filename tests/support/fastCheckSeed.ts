import fc from 'fast-check';

/**
 * Property tests run the same cases on every run, so a red CI is reproducible and never a roll
 * of the dice. Set FC_SEED to explore other cases locally; a failure prints its seed.
 */
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20240304) });
