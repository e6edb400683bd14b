/**
 * InfoGAN: does the categorical code pick the digit? Each code value is matched to one class so that
 * the most samples agree (the Hungarian algorithm on the confusion counts), and the score is the share
 * of samples whose classifier label equals their code's matched class — the "unsupervised accuracy"
 * of the InfoGAN paper (about 95% on MNIST for a trained model; ~10% for an untrained one).
 * Pure: plain arrays.
 */

/**
 * Minimum-cost assignment for an n × m cost matrix (n <= m): row i gets column `assign[i]`.
 * Kuhn-Munkres with potentials, O(n² m).
 */
export function hungarian(cost: number[][]): number[] {
  const n = cost.length,
    m = cost[0]?.length ?? 0;
  if (n > m) throw new Error(`need at most as many rows as columns, got ${n} × ${m}`);
  const INF = Number.POSITIVE_INFINITY;
  const u = new Array<number>(n + 1).fill(0),
    v = new Array<number>(m + 1).fill(0);
  const p = new Array<number>(m + 1).fill(0),
    way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(INF),
      used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0];
      let delta = INF,
        j1 = 0;
      for (let j = 1; j <= m; j++)
        if (!used[j]) {
          const cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
          if (cur < minv[j]) {
            minv[j] = cur;
            way[j] = j0;
          }
          if (minv[j] < delta) {
            delta = minv[j];
            j1 = j;
          }
        }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  const assign = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j]) assign[p[j] - 1] = j;
  return assign.map((j) => j - 1);
}

export interface CodeMatch {
  /** Share of samples whose label is the class matched to their code value. */
  accuracy: number;
  /** mapping[code] = the class it was matched to (-1 when there are more codes than classes and it got none). */
  mapping: number[];
  /** counts[code][class]: how many samples of each code value the classifier gave each class (which digits a code mixes). */
  counts: number[][];
}

/** Best one-to-one matching of code values (0..numCodes-1) to labels (0..numClasses-1). */
export function codeMatchAccuracy(
  codes: ArrayLike<number>,
  labels: ArrayLike<number>,
  numCodes: number,
  numClasses: number,
): CodeMatch {
  if (codes.length !== labels.length) throw new Error(`${codes.length} codes but ${labels.length} labels`);
  const n = codes.length;
  const counts = Array.from({ length: numCodes }, () => new Array<number>(numClasses).fill(0));
  if (n === 0) return { accuracy: 0, mapping: new Array<number>(numCodes).fill(-1), counts };
  for (let i = 0; i < n; i++) counts[codes[i]][labels[i]]++;
  // Rows must not outnumber columns: transpose when there are more code values than classes.
  const byCode = numCodes <= numClasses;
  const cost = byCode ? counts.map((r) => r.map((c) => -c)) : counts[0].map((_, c) => counts.map((r) => -r[c]));
  const assign = hungarian(cost);
  const mapping = new Array<number>(numCodes).fill(-1);
  if (byCode)
    assign.forEach((cls, code) => {
      mapping[code] = cls;
    });
  else
    assign.forEach((code, cls) => {
      mapping[code] = cls;
    });
  let hits = 0;
  mapping.forEach((cls, code) => {
    if (cls >= 0) hits += counts[code][cls];
  });
  return { accuracy: hits / n, mapping, counts };
}
