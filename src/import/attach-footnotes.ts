import { findFootnoteMarkers } from './normalize-text.js';
import type { ProjectSheet } from './parse-project-sheet.js';

/** Footnotes shared out: a note per KPI that carries a marker, the rest as notes of the project. */
export type AttachedFootnotes = { kpiNotes: (string | null)[]; projectNotes: string[] };

type Marked = { kind: 'kpi'; index: number; key: string } | { kind: 'text'; key: string };

/**
 * Gives each ※ footnote of a sheet to what carries its marker. Markers are matched by number (※1) and,
 * when unnumbered, in order of appearance; a single footnote goes to every unnumbered marker.
 * @example a KPI 「創業件数※」 and a footnote 「※…年間創業件数」 → that KPI's note
 */
export function attachFootnotes(sheet: ProjectSheet): AttachedFootnotes {
  const kpiNotes: (string | null)[] = sheet.kpis.map(() => null);
  const projectNotes: string[] = [];
  const marked: Marked[] = sheet.textMarkers.map((key) => ({ kind: 'text', key }));
  sheet.kpis.forEach((kpi, index) => {
    const keys = new Set(findFootnoteMarkers(`${kpi.indicator} ${kpi.baseline} ${kpi.target}`));
    for (const key of keys) marked.push({ kind: 'kpi', index, key });
  });
  const give = (item: Marked, text: string) => {
    if (item.kind === 'kpi') {
      const current = kpiNotes[item.index];
      kpiNotes[item.index] = current ? `${current}\n${text}` : text;
    } else if (!projectNotes.includes(text)) projectNotes.push(text);
  };
  const unnumberedNotes = sheet.footnotes.filter((f) => f.key === '');
  const unnumberedMarks = marked.filter((m) => m.key === '');
  for (const note of sheet.footnotes) {
    if (note.key !== '') {
      const targets = marked.filter((m) => m.key === note.key);
      if (targets.length === 0) projectNotes.push(note.text);
      for (const t of targets) give(t, note.text);
    }
  }
  if (unnumberedNotes.length === 1 && unnumberedMarks.length > 0) {
    for (const m of unnumberedMarks) give(m, unnumberedNotes[0]?.text ?? '');
  } else {
    unnumberedNotes.forEach((note, i) => {
      const target = unnumberedMarks[i];
      if (target) give(target, note.text);
      else projectNotes.push(note.text);
    });
  }
  return { kpiNotes, projectNotes };
}
