/**
 * Test helpers for the paper: a small strict XML parser (well-formedness and
 * a tree to query) and a zip reader (a .docx is a zip), both without a
 * dependency: node's zlib inflates the entries.
 */
import { inflateRawSync } from 'node:zlib';
import type { DataSet, Meeting, Project } from '../../../src/core/types.js';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** text directly inside this element, entities decoded */
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;

function decode(raw: string, where: number): string {
  return raw.replace(/&([^;&\s]*);?/g, (m, ent: string) => {
    if (!m.endsWith(';')) throw new Error(`bare & at ${where}`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (ent in named) return named[ent]!;
    const num = /^#(\d+)$/.exec(ent) ?? /^#x([0-9a-fA-F]+)$/.exec(ent);
    if (num) return String.fromCodePoint(parseInt(num[1]!, ent.startsWith('#x') ? 16 : 10));
    throw new Error(`unknown entity &${ent}; at ${where}`);
  });
}

/** Parses a whole XML document; throws with a position on anything not well-formed. */
export function parseXml(text: string): XmlElement {
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at offset ${i}: ${JSON.stringify(text.slice(i, i + 40))}`);
  };
  const skipMisc = () => {
    for (;;) {
      const ws = /^\s*/.exec(text.slice(i))![0];
      i += ws.length;
      if (text.startsWith('<?', i)) {
        const end = text.indexOf('?>', i);
        if (end < 0) fail('unclosed processing instruction');
        i = end + 2;
      } else if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i);
        if (end < 0) fail('unclosed comment');
        i = end + 3;
      } else return;
    }
  };
  const element = (): XmlElement => {
    if (text[i] !== '<') fail('expected <');
    i++;
    const name = NAME.exec(text.slice(i))?.[0] ?? fail('expected an element name');
    i += name.length;
    const attrs: Record<string, string> = {};
    for (;;) {
      const ws = /^\s*/.exec(text.slice(i))![0];
      i += ws.length;
      if (text.startsWith('/>', i)) {
        i += 2;
        return { name, attrs, children: [], text: '' };
      }
      if (text[i] === '>') {
        i++;
        break;
      }
      if (!ws) fail('expected whitespace before an attribute');
      const an = NAME.exec(text.slice(i))?.[0] ?? fail('expected an attribute name');
      i += an.length;
      if (text[i] !== '=') fail('expected =');
      i++;
      const q = text[i];
      if (q !== '"' && q !== "'") fail('expected a quoted value');
      const end = text.indexOf(q!, i + 1);
      if (end < 0) fail('unclosed attribute value');
      const raw = text.slice(i + 1, end);
      if (raw.includes('<')) fail('< in an attribute value');
      if (an in attrs) fail(`duplicate attribute ${an}`);
      attrs[an] = decode(raw, i);
      i = end + 1;
    }
    const children: XmlElement[] = [];
    let own = '';
    for (;;) {
      const next = text.indexOf('<', i);
      if (next < 0) fail(`unclosed element <${name}>`);
      own += decode(text.slice(i, next), i);
      i = next;
      if (text.startsWith('</', i)) {
        i += 2;
        const close = NAME.exec(text.slice(i))?.[0];
        if (close !== name) fail(`</${close}> closes <${name}>`);
        i += name.length;
        const ws = /^\s*/.exec(text.slice(i))![0];
        i += ws.length;
        if (text[i] !== '>') fail('expected >');
        i++;
        return { name, attrs, children, text: own };
      }
      if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i);
        if (end < 0) fail('unclosed comment');
        i = end + 3;
        continue;
      }
      if (text.startsWith('<![CDATA[', i)) {
        const end = text.indexOf(']]>', i);
        if (end < 0) fail('unclosed CDATA');
        own += text.slice(i + 9, end);
        i = end + 3;
        continue;
      }
      children.push(element());
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i !== text.length) fail('content after the root element');
  return root;
}

/** Every element of a tree (depth first), optionally only those named `name`. */
export function elements(root: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (name === undefined || e.name === name) out.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}

/** All text inside an element, in document order. */
export function allText(e: XmlElement): string {
  return e.text + e.children.map(allText).join('');
}

/** The entries of a zip archive by name, inflated (stored and deflated entries only). */
export function unzip(zip: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let p = buf.length - 22; p >= Math.max(0, buf.length - 22 - 65535); p--) {
    if (buf.readUInt32LE(p) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    if (method === 0) out.set(name, Buffer.from(data));
    else if (method === 8) out.set(name, inflateRawSync(data));
    else throw new Error(`${name}: compression method ${method} not supported`);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The text of each paragraph (w:p) of a WordprocessingML part, runs joined. */
export function docxParagraphs(xml: string): string[] {
  return elements(parseXml(xml), 'w:p').map((p) => elements(p, 'w:t').map((t) => t.text).join(''));
}

/** A small data set in memory: one plan (2021-2025) whose projects change status at three meetings. */
export function demoData(): DataSet {
  const meetings: Meeting[] = [
    { id: 'm1', name: 'First Demo Meeting', date: '2021-03-01', body: 'ACCSM' },
    { id: 'm2', name: 'Second Demo Meeting', date: '2022-01-10', body: 'ACCSM' },
    { id: 'm2plus', name: 'Second Demo Meeting of ACCSM+3', date: '2022-01-20', body: 'ACCSM+3' },
    { id: 'm3', name: 'Third Demo Meeting', date: '2022-06-01', body: 'ACCSM' },
    { id: 'm3plus', name: 'Third Demo Meeting of ACCSM+3', date: '2022-06-01', body: 'ACCSM+3' },
  ];
  const projects: Project[] = [
    {
      id: 'X1',
      title: 'Competency framework',
      priority_areas: ['a1'],
      lead: ['VN'],
      status: [
        { date: '2021-03-01', status: 'planned', meeting: 'm1' },
        { date: '2022-01-10', status: 'ongoing', meeting: 'm2' },
        { date: '2022-06-01', status: 'completed', meeting: 'm3' },
      ],
    },
    {
      id: 'X2',
      title: 'Joint study',
      priority_areas: ['a1', 'a2'],
      lead: ['TH', 'MY'],
      schedule: { start: '2021', end: '2021-11' },
      status: [{ date: '2021-03-01', status: 'planned', meeting: 'm1' }],
    },
    {
      id: 'X3',
      title: 'Exchange programme',
      priority_areas: ['a2'],
      lead: ['SG'],
      illustrative: true,
      status: [
        { date: '2021-03-01', status: 'ongoing', meeting: 'm1' },
        { date: '2022-01-10', status: 'postponed', meeting: 'm2' },
        { date: '2022-04-01', status: 'ongoing' },
        { date: '2022-06-01', status: 'ongoing', meeting: 'm3' },
      ],
    },
    { id: 'X4', title: 'Workshop', priority_areas: ['a2'], lead: ['ID'], status: [{ date: '2022-03-01', status: 'planned' }] },
    { id: 'X5', title: 'Later project', priority_areas: ['a1'], lead: ['PH'], status: [{ date: '2023-01-01', status: 'planned' }] },
    {
      id: 'X6',
      title: 'Dropped survey',
      priority_areas: ['a2'],
      lead: ['LA'],
      status: [
        { date: '2021-03-01', status: 'planned', meeting: 'm1' },
        { date: '2022-02-01', status: 'cancelled' },
      ],
    },
  ];
  return {
    root: '/demo',
    meetings,
    plans: [
      {
        plan: {
          id: 'demo',
          body: 'ACCSM',
          title: 'Demo Work Plan 2021-2025',
          period: { start: 2021, end: 2025 },
          priority_areas: [
            { id: 'a1', title: `Alpha & <Beta> "quoted" 'too'` },
            { id: 'a2', title: 'Gamma' },
          ],
        },
        file: '/demo/plans/demo/plan.yaml',
        projects: projects.map((project) => ({ project, file: `/demo/plans/demo/projects/${project.id}.yaml` })),
      },
    ],
  };
}
