// What each overlay of the contour draws, from the playground at the playhead: one entry per overlay that
// draws (state/show.ts's table holds their link keys, defaults and controls; the compiler asks for an entry
// here for each). `under` marks go below every path, `run` marks over each visible run's own path, in this
// table's order. "Beyond the playhead" draws nothing of its own: it restyles the paths (draw/figures.ts).
import { cloudMarks, fieldMarks, vectorMarks, type Forces, type RunForces } from '../draw/forces';
import type { Mark } from '../draw/marks';
import { runColor } from '../draw/palette';
import { lang, t } from '../i18n/lang.svelte';
import { gradientField } from '../state/field';
import { runLabel } from '../state/labels';
import type { Overlay } from '../state/show';
import { batchCloud } from '../state/vectors';
import type { PlaygroundModel } from './model.svelte';

type Drawn = { under(m: PlaygroundModel): Mark[] } | { run(m: PlaygroundModel, i: number, r: RunForces): Mark[] };

const atPlayhead = (m: PlaygroundModel, i: number) => Math.min(m.shownStep, m.trajectories[i].points.length - 1);

export const overlayMarks: Record<Exclude<Overlay, 'rest'>, Drawn> = {
  field: { under: (m) => (m.show.field ? fieldMarks(gradientField(m.base, m.view ?? m.fn.view), t().show.labels.field) : []) },
  cloud: {
    run(m, i, r) {
      const cloud = m.show.cloud ? batchCloud(m.fn, m.s.runs[i], m.trajectories[i], atPlayhead(m, i)) : null;
      return cloud ? cloudMarks(r, cloud, t().show.key.full) : [];
    },
  },
  vectors: { run: (m, i, r) => vectorMarks(r, m.vectors[i]) },
};

const drawn = Object.values(overlayMarks);

/** Every overlay's marks for the playground as it stands. */
export function overlays(m: PlaygroundModel): Forces {
  const under = drawn.flatMap((d) => ('under' in d ? d.under(m) : []));
  const byRun = new Map<number, Mark[]>();
  m.s.runs.forEach((run, i) => {
    if (!run.visible) return;
    const r = { name: runLabel(run, m.fn.n, lang()), color: runColor(run.id) };
    byRun.set(run.id, drawn.flatMap((d) => ('run' in d ? d.run(m, i, r) : [])));
  });
  return { under, byRun, names: t().show.key };
}
