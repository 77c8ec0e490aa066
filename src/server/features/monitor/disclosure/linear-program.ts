// SPDX-License-Identifier: EUPL-1.2
// A thin wrapper around HiGHS (MIT; the solver SSB's GaussSuppression uses for its intervals): one
// linear program, solved again and again with different objectives. The primal simplex keeps its
// basis between objectives, which makes each re-solve a few pivots (≈ 0.5 ms on a national group).
import highsLoader, { type Highs } from 'highs';

let loading: Promise<Highs> | undefined;
/** The solver, loaded once per process (a WebAssembly module). */
export function loadSolver(): Promise<Highs> {
  loading ??= highsLoader();
  return loading;
}

/** Σ coefficients · columns between lower and upper (equal for an equation). */
export interface LinearRow {
  columns: number[];
  coefficients: number[];
  lower: number;
  upper: number;
}

export interface LinearProblem {
  columnCount: number;
  columnLower: number[];
  columnUpper: number[];
  rows: LinearRow[];
}

export type Sense = 'min' | 'max';

/** Objective value and solution, or null when the problem is infeasible or unbounded. */
export interface Optimum {
  value: number;
  columns: Float64Array;
}

export class LinearProgram {
  private readonly model;
  private readonly columnCount: number;

  constructor(highs: Highs, problem: LinearProblem) {
    this.columnCount = problem.columnCount;
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const row of problem.rows) {
      indices.push(...row.columns);
      values.push(...row.coefficients);
      starts.push(indices.length);
    }
    this.model = highs.createModel({
      numCols: problem.columnCount,
      numRows: problem.rows.length,
      colCost: new Array<number>(problem.columnCount).fill(0),
      colLower: problem.columnLower,
      colUpper: problem.columnUpper.map((upper) => (Number.isFinite(upper) ? upper : highs.infinity)),
      rowLower: problem.rows.map((row) => (Number.isFinite(row.lower) ? row.lower : -highs.infinity)),
      rowUpper: problem.rows.map((row) => (Number.isFinite(row.upper) ? row.upper : highs.infinity)),
      matrix: { format: 'csr', numRows: problem.rows.length, numCols: problem.columnCount, starts, indices, values },
    });
    // Presolve off and the primal simplex: a new objective keeps the previous (still feasible) basis.
    this.model.options.set({ presolve: 'off', solver: 'simplex', simplex_strategy: 4, output_flag: false });
    this.highs = highs;
  }

  private readonly highs: Highs;

  /** Minimises or maximises Σ cost · column; null when there is no finite optimum. */
  optimise(cost: ArrayLike<number>, sense: Sense): Optimum | null {
    if (this.columnCount === 0) return { value: 0, columns: new Float64Array(0) };
    const { minimize, maximize } = this.highs.constants.objectiveSense;
    this.model.changeObjectiveSense(sense === 'min' ? minimize : maximize);
    this.model.changeColsCost({ kind: 'range', from: 0, to: this.columnCount - 1 }, Float64Array.from(cost));
    const { modelStatus } = this.model.run();
    if (modelStatus !== 7) return null;
    return { value: this.model.getObjectiveValue(), columns: this.model.getSolution().colValue };
  }

  /** Changes every column's upper bound (Infinity for none), keeping the basis. */
  setUpperBounds(lower: readonly number[], upper: readonly number[]): void {
    if (this.columnCount === 0) return;
    this.model.changeColsBounds(
      { kind: 'range', from: 0, to: this.columnCount - 1 },
      Float64Array.from(lower),
      Float64Array.from(upper, (value) => (Number.isFinite(value) ? value : this.highs.infinity)),
    );
  }

  dispose(): void {
    this.model.dispose();
  }
}
