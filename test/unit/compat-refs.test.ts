import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Every citation of docs/compat.md in src/, test/, scripts/ and bench/ must resolve: the
 * sections (§A3, B1–B3, §A1.5, Part B), the quoted subsections after them (§A2 "PKCE flow")
 * and the checklist items (checklist 27-29) must exist in the page, so a reader can always
 * follow a reference. The page's own § cross-references are held to the same rule.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DOC = 'docs/compat.md';
const SCANNED = ['src', 'test', 'scripts', 'bench'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'results']);
const EXTENSIONS = /\.(?:[cm]?[jt]s|md)$/;
const SELF = path.relative(ROOT, fileURLToPath(import.meta.url));

interface CompatPage {
  /** Labels of parts and sections ("Part A", "A1", "A1.5", "B4"), each with the names inside it. */
  sections: Map<string, Set<string>>;
  /** Every heading or bold lead-in name on the page. */
  names: Set<string>;
  /** The item numbers of the behaviour checklist. */
  checklist: Set<number>;
}

const cleanName = (text: string): string => text.replace(/`/g, '').trim();

/** Reads the labels, names and checklist numbers out of the page's markdown. */
function parseCompatPage(markdown: string): CompatPage {
  const sections = new Map<string, Set<string>>();
  const names = new Set<string>();
  const checklist = new Set<number>();
  const open: { level: number; label: string | undefined }[] = [];
  let inFence = false;
  let inChecklist = false;
  const addName = (name: string): void => {
    names.add(name);
    for (const { label } of open) if (label) sections.get(label)?.add(name);
  };
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      const text = heading[2]!;
      while (open.length > 0 && open[open.length - 1]!.level >= level) open.pop();
      const labelled = /^(?:(Part [A-Z])|§([A-Z]\d+(?:\.\d+)?))\b\.?\s*(.*)$/.exec(text);
      const label = labelled ? (labelled[1] ?? labelled[2]!) : undefined;
      if (label) {
        sections.set(label, new Set());
        if (level <= 3) inChecklist = /checklist/i.test(labelled![3]!);
      } else {
        addName(cleanName(text));
      }
      open.push({ level, label });
      continue;
    }
    const lead = /^\s*(?:[-*]\s+|\d+\.\s+)?\*\*([^*]+?)[.:]\*\*/.exec(line);
    if (lead) addName(cleanName(lead[1]!));
    const item = inChecklist ? /^(\d+)\.\s/.exec(line) : null;
    if (item) checklist.add(Number(item[1]));
  }
  return { sections, names, checklist };
}

/** "27-29", "30, 31", "23, 25 and 26" → the numbers. */
function numbers(list: string): number[] {
  const out: number[] = [];
  for (const part of list.split(/\s*(?:,|\band\b)\s*/)) {
    const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(part);
    if (range) for (let n = Number(range[1]); n <= Number(range[2]); n++) out.push(n);
    else if (/^\d+$/.test(part)) out.push(Number(part));
  }
  return out;
}

const CHECKLIST = /\bchecklist\s+(\d+(?:\s*[-–]\s*\d+)?(?:\s*(?:,|\band\b)\s*\d+(?:\s*[-–]\s*\d+)?)*)/g;
const TOKEN = /Part ([A-Z])\b|§?\b([A-Z])(\d+(?:\.\d+)?)(?:\s*[-–]\s*§?([A-Z])?(\d+))?\b|"([^"]+)"/g;

/** The problems with one citation text (what follows "compat.md" on a line), or none. */
function unresolved(citation: string, page: CompatPage): string[] {
  const problems: string[] = [];
  // The citation ends at the end of its sentence or clause; what follows is prose.
  const tail = citation.split(/\.(?:\s|$)|[;:()]/)[0]!;
  let section: string | undefined;
  for (const match of tail.matchAll(TOKEN)) {
    const [, part, letter, num, rangeLetter, rangeEnd, name] = match;
    if (part) {
      section = `Part ${part}`;
      if (!page.sections.has(section)) problems.push(`no ${section}`);
    } else if (letter && num) {
      const labels = [`${letter}${num}`];
      if (rangeEnd && (!rangeLetter || rangeLetter === letter) && /^\d+$/.test(num)) {
        for (let n = Number(num) + 1; n <= Number(rangeEnd); n++) labels.push(`${letter}${n}`);
      }
      for (const label of labels) if (!page.sections.has(label)) problems.push(`no section §${label}`);
      section = labels[labels.length - 1];
    } else if (name) {
      const within = section ? page.sections.get(section) : page.names;
      if (!within?.has(name)) problems.push(`no "${name}"${section ? ` in §${section}` : ''}`);
    }
  }
  return [...problems, ...checklistProblems(citation, page)];
}

/** The "checklist N" numbers in a text that the page's checklist lacks. */
function checklistProblems(text: string, page: CompatPage): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(CHECKLIST)) {
    for (const n of numbers(match[1]!)) if (!page.checklist.has(n)) problems.push(`no checklist ${n}`);
  }
  return problems;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) out.push(...filesUnder(rel));
    } else if (EXTENSIONS.test(entry.name) && rel !== SELF) {
      out.push(rel);
    }
  }
  return out;
}

const page = parseCompatPage(readFileSync(path.join(ROOT, DOC), 'utf8'));
const files = SCANNED.flatMap(filesUnder).map((file) => ({ file, text: readFileSync(path.join(ROOT, file), 'utf8') }));

describe('docs/compat.md citations', () => {
  it('the page has its parts, sections and a numbered checklist', () => {
    for (const label of ['Part A', 'Part B', 'A1', 'A1.5', 'A2', 'A3', 'A5', 'B1', 'B5']) {
      expect(page.sections.has(label), label).toBe(true);
    }
    expect(page.checklist.size).toBeGreaterThan(30);
    expect([...page.checklist]).toEqual([...page.checklist].map((_, i) => i + 1));
  });

  it('reports a section, a name or a checklist item the page lacks', () => {
    expect(unresolved(' §A2 "PKCE flow" and checklist 30, 31.', page)).toEqual([]);
    expect(unresolved(' §A1.5 and checklist 13, 18.', page)).toEqual([]);
    expect(unresolved(' B1–B3). */', page)).toEqual([]);
    expect(unresolved(' §A19 "PKCE flow"', page)).toEqual(['no section §A19', 'no "PKCE flow" in §A19']);
    expect(unresolved(' §A3 "PKCE flow"', page)).toEqual(['no "PKCE flow" in §A3']);
    expect(unresolved(' "No such part"', page)).toEqual(['no "No such part"']);
    expect(unresolved(' B6–B10.', page)).toEqual(['no section §B9', 'no section §B10']);
    expect(unresolved(' Part Q.', page)).toEqual(['no Part Q']);
    expect(unresolved(' checklist 2, 998-999', page)).toEqual(['no checklist 998', 'no checklist 999']);
  });

  it('finds the citations to check', () => {
    const citing = files.filter(({ text }) => text.includes('compat.md'));
    expect(citing.length).toBeGreaterThan(10);
  });

  it('every citation in src/, test/, scripts/ and bench/ names the page by its path and resolves', () => {
    const problems: string[] = [];
    for (const { file, text } of files) {
      text.split('\n').forEach((line, i) => {
        const where = `${file}:${i + 1}`;
        let at = line.indexOf('compat.md');
        while (at >= 0) {
          const prefix = line.slice(0, at);
          if (!/(?:^|[^\w./-])docs\/$/.test(prefix)) problems.push(`${where}: cite it as ${DOC}`);
          const next = line.indexOf('compat.md', at + 1);
          const citation = line.slice(at + 'compat.md'.length, next >= 0 ? next : undefined);
          for (const problem of unresolved(citation, page)) problems.push(`${where}: ${problem}`);
          at = next;
        }
        // A bare "checklist N" (e.g. in a test name) means the same checklist.
        if (!line.includes('compat.md')) {
          for (const problem of checklistProblems(line, page)) problems.push(`${where}: ${problem}`);
        }
      });
      if (/\bchecklist\s+\d/.test(text) && !text.includes(DOC)) problems.push(`${file}: says "checklist N" but never names ${DOC}`);
    }
    expect(problems).toEqual([]);
  });

  it("the page's own § references resolve", () => {
    const doc = readFileSync(path.join(ROOT, DOC), 'utf8');
    const problems: string[] = [];
    for (const match of doc.matchAll(/§[A-Z]\d+(?:\.\d+)?(?:\s+"[^"]+")?/g)) {
      for (const problem of unresolved(` ${match[0]}`, page)) problems.push(`${match[0]}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });
});
