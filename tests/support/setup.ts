// Runs before every test file: property tests use one fixed seed, so a run is reproducible; set FC_SEED to explore.
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261126) });
