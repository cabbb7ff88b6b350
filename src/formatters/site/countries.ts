/** Names for the codes the schema allows as lead, partner or host: the one list in core. */
export { countryName } from '../../core/countries.js';
