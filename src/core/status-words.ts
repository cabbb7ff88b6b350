/**
 * The words trackers and meeting reports use for a status ("Completed",
 * "On-going", "Being planned") and the one lookup from a word to a status.
 */
import { STATUSES, type Status } from './types.js';

const WORDS: Record<Status, readonly string[]> = {
  planned: ['planned', 'being planned', 'being planned for implementation', 'planning', 'not started', 'not yet started', 'to be implemented', 'proposed'],
  ongoing: ['ongoing', 'on going', 'in progress', 'being implemented', 'implementing', 'under implementation', 'started', 'active'],
  completed: ['completed', 'complete', 'done', 'finished', 'implemented'],
  postponed: ['postponed', 'deferred', 'on hold', 'delayed'],
  cancelled: ['cancelled', 'canceled', 'dropped', 'discontinued', 'withdrawn'],
};

const fold = (text: string) => text.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
const byWord = new Map<string, Status>();
for (const s of STATUSES) for (const w of WORDS[s]) byWord.set(fold(w), s);

/** The status a word stands for, whatever its case, hyphens or spaces ("On-going" → ongoing); undefined when it is none. */
export function statusFromWord(text: string): Status | undefined {
  return byWord.get(fold(text));
}

/** The words accepted for each status, for messages and instructions. */
export function statusWords(status: Status): readonly string[] {
  return WORDS[status];
}
