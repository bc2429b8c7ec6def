// Screen-space clustering of map points: a point joins the first cluster whose seed lies
// within `radius` pixels, else it seeds a new one. A grid keeps it linear in practice.

export interface ScreenPoint<T> {
  x: number;
  y: number;
  item: T;
}

export interface Cluster<T> {
  /** The mean position of the members. */
  x: number;
  y: number;
  members: ScreenPoint<T>[];
}

export function clusterPoints<T>(points: readonly ScreenPoint<T>[], radius: number): Cluster<T>[] {
  const clusters: (Cluster<T> & { sx: number; sy: number })[] = [];
  const grid = new Map<string, number[]>();
  const cell = (x: number, y: number): [number, number] => [Math.floor(x / radius), Math.floor(y / radius)];
  const r2 = radius * radius;
  for (const p of points) {
    const [cx, cy] = cell(p.x, p.y);
    let found = -1;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const i of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
          const c = clusters[i]!;
          if ((c.sx - p.x) ** 2 + (c.sy - p.y) ** 2 <= r2 && (found < 0 || i < found)) found = i;
        }
      }
    }
    if (found >= 0) {
      clusters[found]!.members.push(p);
    } else {
      clusters.push({ x: p.x, y: p.y, sx: p.x, sy: p.y, members: [p] });
      const key = `${cx},${cy}`;
      const list = grid.get(key);
      if (list) list.push(clusters.length - 1);
      else grid.set(key, [clusters.length - 1]);
    }
  }
  return clusters.map((c) => {
    const n = c.members.length;
    const x = c.members.reduce((s, m) => s + m.x, 0) / n;
    const y = c.members.reduce((s, m) => s + m.y, 0) / n;
    return { x, y, members: c.members };
  });
}
