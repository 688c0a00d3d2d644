// The Inoperability Input-Output Model at sector level (Haimes & Jiang 2001; Santos & Haimes 2004):
// q = A q + c*, so q = (I − A)⁻¹ c*, where q_i is the inoperability of sector i (0 fully operable, 1 fully
// inoperable), c* the perturbation and A[i][j] the inoperability of sector i caused per unit inoperability
// of sector j.
//
// Validation demands a zero diagonal, entries in [0, 1) and every column sum below 1: then ‖A‖₁ < 1, so
// I − A is invertible and (I − A)⁻¹ = I + A + A² + … ≥ 0, hence q ≥ 0. It does not keep q ≤ 1: since
// (I − A)⁻¹ ≥ I, any coupling adds to a perturbation, and strong coupling with large perturbations gives
// q_i > 1 (e.g. A = [[0, 0.9], [0.9, 0]], c* = (1, 1) gives q = (10, 10)). The result reports q exactly;
// a value above 1 means the linear model saturates (the sector is at best fully inoperable).

/** Sectors, the interdependency matrix A (rows and columns in `sectors` order) and the perturbation c*. */
export interface IimInput {
  sectors: readonly string[];
  /** A[i][j]: inoperability of sector i caused per unit inoperability of sector j. */
  coefficients: readonly (readonly number[])[];
  /** c* by sector name, each in [0, 1]; sectors not named are unperturbed. */
  perturbation: Readonly<Record<string, number>>;
}

/** The inoperability of every sector, in `sectors` order; exact, so above 1 when the model saturates. */
export interface IimResult {
  inoperability: { sector: string; q: number }[];
}

/** A readable description of the first problem in `input`, or null when it can be solved. */
export function validateIim(input: IimInput): string | null {
  const { sectors, coefficients, perturbation } = input;
  const n = sectors.length;
  if (n === 0) return "at least one sector is needed";
  const seen = new Set<string>();
  for (const s of sectors) {
    if (typeof s !== "string" || s === "") return "every sector needs a non-empty name";
    if (seen.has(s)) return `sector "${s}" is listed twice`;
    seen.add(s);
  }
  if (coefficients.length !== n) return `the coefficients need ${n} rows (one per sector), not ${coefficients.length}`;
  for (let i = 0; i < n; i++) {
    const row = coefficients[i]!;
    if (!Array.isArray(row) || row.length !== n)
      return `row ${i + 1} (${sectors[i]}) needs ${n} coefficients, not ${Array.isArray(row) ? row.length : "none"}`;
    for (let j = 0; j < n; j++) {
      const a = row[j];
      if (typeof a !== "number" || !Number.isFinite(a) || a < 0 || a >= 1)
        return `A[${sectors[i]}][${sectors[j]}] must be at least 0 and below 1, not ${a}`;
      if (i === j && a !== 0) return `A[${sectors[i]}][${sectors[i]}] must be 0: a sector's own inoperability is c*, not A`;
    }
  }
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += coefficients[i]![j]!;
    if (sum >= 1)
      return `the coefficients in column ${sectors[j]} add up to ${+sum.toFixed(6)}; every column must add up to less than 1`;
  }
  for (const [sector, c] of Object.entries(perturbation)) {
    if (!seen.has(sector)) return `the perturbation names an unknown sector "${sector}"`;
    if (typeof c !== "number" || !Number.isFinite(c) || c < 0 || c > 1)
      return `the perturbation of ${sector} must be between 0 and 1, not ${c}`;
  }
  return null;
}

/** Solves (I − A) q = c* by Gaussian elimination with partial pivoting; throws a RangeError on invalid input. */
export function solveIim(input: IimInput): IimResult {
  const problem = validateIim(input);
  if (problem) throw new RangeError(problem);
  const { sectors, coefficients, perturbation } = input;
  const n = sectors.length;
  // The augmented matrix [I − A | c*].
  const m = sectors.map((s, i) => [...coefficients[i]!.map((a, j) => (i === j ? 1 : 0) - a), perturbation[s] ?? 0]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const top = m[col]!;
    for (let r = col + 1; r < n; r++) {
      const row = m[r]!;
      const factor = row[col]! / top[col]!;
      if (factor === 0) continue;
      for (let k = col; k <= n; k++) row[k]! -= factor * top[k]!;
    }
  }
  const q = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    const row = m[i]!;
    let sum = row[n]!;
    for (let k = i + 1; k < n; k++) sum -= row[k]! * q[k]!;
    q[i] = sum / row[i]!;
  }
  // Elimination can leave −0 or a tiny negative where the exact answer is 0.
  return { inoperability: sectors.map((sector, i) => ({ sector, q: Math.max(0, q[i]!) })) };
}
