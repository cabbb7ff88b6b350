/** One project as GitHub-flavoured Markdown: a heading, a field table and the status history as a table. */
import { mdTable, mdText } from '../shared/markdown.js';
import { dateWords } from '../shared/words.js';
import { fields } from './fields.js';
import type { ShowFormatter } from './types.js';
import { inert } from '../shared/terminal.js';

export const markdown: ShowFormatter = inert((d, options) => {
  const out: string[] = [`## ${mdText(d.project.id)}: ${mdText(d.project.title)}`, ''];
  out.push(mdTable([{ title: 'Field' }, { title: 'Value' }], fields(d, options.file).map(([l, v]) => [l, mdText(v)])));
  out.push('### Status history', '');
  out.push(
    mdTable(
      [{ title: 'Date' }, { title: 'Status' }, { title: 'Meeting' }, { title: 'Note' }, { title: '' }],
      d.history.map((e) => [
        dateWords(e.date),
        e.inForce ? `**${e.status}**` : e.status,
        mdText(e.meeting ? `${e.meeting}${e.meetingName ? ` (${e.meetingName})` : ''}` : ''),
        mdText([e.note, e.source ? `Source: ${e.source}` : ''].filter(Boolean).join(' ')),
        e.inForce ? `in force on ${dateWords(d.asOf)}` : e.later ? `after ${dateWords(d.asOf)}` : '',
      ]),
    ),
  );
  return out.join('\n');
});
