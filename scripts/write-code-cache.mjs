// Build step: runs the CommonJS CLI bundle once (arguments after the file) and saves V8's code cache beside it.
import { loadCommonJs } from '../bin/load-cli.js';

const [file, ...args] = process.argv.slice(2);
const { exports, saveCache } = loadCommonJs(file);
process.stdout.write = () => true;
await exports.run(args);
saveCache();
