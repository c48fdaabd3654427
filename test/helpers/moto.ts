/** moto's server for the tests; it lives in scripts/ so that `npm run demo -- --admin` starts it the same way. */
export { requireMoto, startMoto, type Moto } from '../../scripts/moto.js';
