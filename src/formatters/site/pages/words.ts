/** The report's words the pages use (one place to import them from). */
export { headline } from '../../../core/report.js';
export { capital, dateWords, elapsedWords, illustrativeWords, lastUpdatedWords, projectionWords, scheduleWords } from '../../shared/words.js';
