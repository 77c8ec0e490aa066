// SPDX-License-Identifier: EUPL-1.2
// The attacker: given everything published (the values of every variable some published cell
// shows) and the relations of the model, how narrowly can each hidden count be bounded? Per hidden
// cell it bounds the counts of persons it stands for — the numerator, the complement (denominator −
// numerator) and, when it is itself small, the denominator — by linear programming over
// non-negative counts (exact linear algebra is the special case of an interval of width 0). A count
// is disclosed when its interval, rounded inwards to whole persons, is narrower than the threshold.
//
// Unknown variables fall apart into independent groups (connected through relations); each group is
// one small linear program. Most intervals are proven wide by a few random objectives (every
// solution is a point the attacker cannot exclude); only the rest get an exact minimum and maximum.
import type { Highs } from 'highs';
import { mulberry32 } from '../register/random.js';
import { LinearProgram, type LinearProblem } from './linear-program.js';
import type { LinearModel } from './model.js';

export type Quantity = 'numerator' | 'complement' | 'denominator';

export interface Disclosure {
  cell: number;
  quantity: Quantity;
  /** The attacker's interval for the count (whole persons). */
  lower: number;
  upper: number;
}

export interface AttackResult {
  disclosures: Disclosure[];
  /** Per protected count that was bounded: the narrowest interval width found, by cell. */
  narrowest: Map<number, number>;
  linearPrograms: number;
}

const EPSILON = 1e-7;
const SAMPLE_ROUNDS = 8;
const MAX_SAMPLE_ROUNDS = 32;

/** A protected count: Σ weights · variables. */
interface Target {
  cell: number;
  quantity: Quantity;
  variables: number[];
  weights: number[];
  low: number;
  high: number;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

let lastYield = performance.now();
/**
 * Lets the server answer other requests now and then: the solver is synchronous, and protecting the
 * national publication takes a while.
 */
async function yieldNow(): Promise<void> {
  if (performance.now() - lastYield < 20) return;
  await new Promise((resolve) => setImmediate(resolve));
  lastYield = performance.now();
}

export const quantityKey = (cell: number, quantity: Quantity) => `${cell}:${quantity}`;

/** Whole persons: the interval [⌈low⌉, ⌊high⌋]. */
const integerWidth = (low: number, high: number) => Math.floor(high + EPSILON) - Math.ceil(low - EPSILON);

export class PublicationAttacker {
  /** Seeded: the same publication is attacked the same way every time. */
  readonly random = mulberry32(0x5eed);

  constructor(
    readonly highs: Highs,
    readonly model: LinearModel,
    private readonly threshold: number,
  ) {}

  /**
   * Attacks the publication in which `hidden` cells are suppressed. Counts in `proven` (keys from
   * quantityKey) are known to be safe and skipped — hiding more cells only widens intervals — and
   * counts proven safe now are added to it. With `onlyVariables`, only groups touching them are
   * attacked.
   */
  async attack(hidden: Uint8Array, proven: Set<string> = new Set(), onlyVariables?: ReadonlySet<number>): Promise<AttackResult> {
    const { model } = this;
    const variableCount = model.values.length;
    const known = new Uint8Array(variableCount);
    for (let variable = 0; variable < variableCount; variable += 1) {
      known[variable] = model.shownBy[variable]!.some((cell) => !hidden[cell]) ? 1 : 0;
    }
    // Groups of unknown variables joined by relations.
    const parent = Int32Array.from({ length: variableCount }, (_, index) => index);
    const find = (variable: number): number => {
      while (parent[variable] !== variable) {
        parent[variable] = parent[parent[variable]!]!;
        variable = parent[variable]!;
      }
      return variable;
    };
    const union = (a: number, b: number) => {
      const rootA = find(a);
      const rootB = find(b);
      if (rootA !== rootB) parent[rootA] = rootB;
    };
    for (const equation of model.equations) {
      let first = -1;
      for (const variable of equation.variables) {
        if (known[variable]) continue;
        if (first < 0) first = variable;
        else union(first, variable);
      }
    }
    for (const [small, large] of model.orderings) if (!known[small] && !known[large]) union(small, large);

    const disclosures: Disclosure[] = [];
    const narrowest = new Map<number, number>();
    const record = (target: Target, width: number) => {
      narrowest.set(target.cell, Math.min(narrowest.get(target.cell) ?? Infinity, width));
    };
    const targetsByGroup = new Map<number, Target[]>();
    const dirtyGroups = onlyVariables && new Set([...onlyVariables].filter((variable) => !known[variable]).map(find));
    model.cells.forEach((_, cell) => {
      if (!hidden[cell]) return;
      for (const target of this.targetsOf(cell, known)) {
        const key = quantityKey(cell, target.quantity);
        if (proven.has(key)) continue;
        const unknown = target.variables.filter((variable) => !known[variable]);
        if (unknown.length === 0) {
          // Every variable of the count is published elsewhere: it is known exactly.
          const value = target.variables.reduce((sum, variable, index) => sum + target.weights[index]! * model.values[variable]!, 0);
          disclosures.push({ cell, quantity: target.quantity, lower: value, upper: value });
          record(target, 0);
          continue;
        }
        const group = find(unknown[0]!);
        if (dirtyGroups && !dirtyGroups.has(group)) continue;
        push(targetsByGroup, group, target);
      }
    });
    let linearPrograms = 0;
    if (targetsByGroup.size > 0) {
      const members = new Map<number, number[]>();
      for (let variable = 0; variable < variableCount; variable += 1) {
        if (known[variable]) continue;
        const group = find(variable);
        if (targetsByGroup.has(group)) push(members, group, variable);
      }
      const equationsByGroup = new Map<number, number[]>();
      model.equations.forEach((equation, index) => {
        const unknown = equation.variables.find((variable) => !known[variable]);
        if (unknown === undefined) return;
        const group = find(unknown);
        if (targetsByGroup.has(group)) push(equationsByGroup, group, index);
      });
      const orderingsByGroup = new Map<number, [number, number][]>();
      for (const ordering of model.orderings) {
        const unknown = known[ordering[0]] ? (known[ordering[1]] ? undefined : ordering[1]) : ordering[0];
        if (unknown === undefined) continue;
        const group = find(unknown);
        if (targetsByGroup.has(group)) push(orderingsByGroup, group, ordering);
      }
      for (const [group, targets] of targetsByGroup) {
        linearPrograms += await this.attackGroup(
          members.get(group)!,
          equationsByGroup.get(group) ?? [],
          orderingsByGroup.get(group) ?? [],
          targets,
          known,
          proven,
          disclosures,
          record,
        );
      }
    }
    disclosures.sort((a, b) => a.cell - b.cell || (a.quantity < b.quantity ? -1 : 1));
    return { disclosures, narrowest, linearPrograms };
  }

  /** The counts of persons a hidden cell stands for. */
  private targetsOf(cell: number, known: Uint8Array): Target[] {
    const numerator = this.model.numeratorOf[cell]!;
    const denominator = this.model.denominatorOf[cell]!;
    const make = (quantity: Quantity, variables: number[], weights: number[]): Target => ({
      cell,
      quantity,
      variables,
      weights,
      low: Infinity,
      high: -Infinity,
    });
    const targets = [make('numerator', [numerator], [1])];
    // With the denominator published, the complement is as wide as the numerator: no second count.
    if (!known[denominator] || known[numerator]) targets.push(make('complement', [denominator, numerator], [1, -1]));
    if (this.model.values[denominator]! < this.threshold) targets.push(make('denominator', [denominator], [1]));
    return targets;
  }

  private async attackGroup(
    variables: number[],
    equationIndexes: number[],
    orderings: [number, number][],
    targets: Target[],
    known: Uint8Array,
    proven: Set<string>,
    disclosures: Disclosure[],
    record: (target: Target, width: number) => void,
  ): Promise<number> {
    const { model, threshold } = this;
    const isWide = (target: Target) => integerWidth(target.low, target.high) >= threshold;
    let linearPrograms = 0;
    // The true counts are a point the attacker cannot exclude either (they satisfy every relation,
    // ordering and bound of the model): one end of every interval for free, no linear program.
    for (const target of targets) {
      const value = target.variables.reduce((sum, variable, index) => sum + target.weights[index]! * model.values[variable]!, 0);
      target.low = Math.min(target.low, value);
      target.high = Math.max(target.high, value);
    }
    const whole = new WholeGroupProgram(this, variables, equationIndexes, orderings, targets);
    try {
      // Objectives over a capped region (so that none is unbounded): each optimum is a point the
      // attacker cannot exclude. Then the rest exactly, over the whole region.
      await whole.sample(isWide);
      await whole.bound(isWide);
      linearPrograms += whole.linearPrograms;
    } finally {
      whole.dispose();
    }
    for (const target of targets) {
      const width = integerWidth(target.low, target.high);
      record(target, width);
      if (width >= threshold) proven.add(quantityKey(target.cell, target.quantity));
      else disclosures.push({ cell: target.cell, quantity: target.quantity, lower: Math.ceil(target.low - EPSILON), upper: Math.floor(target.high + EPSILON) });
    }
    return linearPrograms;
  }

  /**
   * The linear program over `columns` (unknown variables): every relation and ordering given, with
   * every variable that is not a column (known, or held at its true value) folded into the constants.
   * With `cap`, no column exceeds it: a smaller region, whose points are still points of the whole
   * problem — used only to find such points, never to bound an interval.
   */
  buildProblem(columns: number[], column: Map<number, number>, equationIndexes: Iterable<number>, orderings: Iterable<[number, number]>, cap?: number): LinearProblem {
    const { model } = this;
    const problem: LinearProblem = {
      columnCount: columns.length,
      columnLower: columns.map(() => 0),
      columnUpper: columns.map(() => cap ?? Infinity),
      rows: [],
    };
    for (const index of equationIndexes) {
      const equation = model.equations[index]!;
      const rowColumns: number[] = [];
      const coefficients: number[] = [];
      let constant = 0;
      equation.variables.forEach((variable, position) => {
        const coefficient = equation.coefficients[position]!;
        const at = column.get(variable);
        if (at === undefined) constant += coefficient * model.values[variable]!;
        else {
          rowColumns.push(at);
          coefficients.push(coefficient);
        }
      });
      if (rowColumns.length > 0) problem.rows.push({ columns: rowColumns, coefficients, lower: -constant, upper: -constant });
    }
    for (const [small, large] of orderings) {
      const atSmall = column.get(small);
      const atLarge = column.get(large);
      if (atSmall !== undefined && atLarge !== undefined) {
        problem.rows.push({ columns: [atSmall, atLarge], coefficients: [1, -1], lower: -Infinity, upper: 0 });
      } else if (atSmall !== undefined) {
        problem.columnUpper[atSmall] = Math.min(problem.columnUpper[atSmall]!, model.values[large]!);
      } else if (atLarge !== undefined) {
        problem.columnLower[atLarge] = Math.max(problem.columnLower[atLarge]!, model.values[small]!);
      }
    }
    return problem;
  }

  /** A cap for columns while searching for points: far above any count in the publication. */
  get searchCap(): number {
    if (this.cap === undefined) {
      let largest = 0;
      for (const value of this.model.values) largest = Math.max(largest, value);
      this.cap = 2 * largest + 10 * this.threshold;
    }
    return this.cap;
  }
  private cap: number | undefined;

  /** Writes the target's weights on the program's columns into `cost`; returns the part held fixed (known or at its true value). */
  placeCost(target: Target, column: Map<number, number>, cost: Float64Array, scale = 1): number {
    let constant = 0;
    target.variables.forEach((variable, index) => {
      const weight = target.weights[index]!;
      const at = column.get(variable);
      if (at === undefined) constant += weight * this.model.values[variable]!;
      else cost[at]! += scale * weight;
    });
    return constant;
  }
}

/** The whole group's program, built only when needed: sampled objectives, then exact bounds for what is still narrow. */
class WholeGroupProgram {
  private program: LinearProgram | undefined;
  private problem: LinearProblem | undefined;
  private readonly column: Map<number, number>;
  linearPrograms = 0;
  sampled = 0;

  constructor(
    private readonly attacker: PublicationAttacker,
    private readonly variables: number[],
    private readonly equationIndexes: number[],
    private readonly orderings: [number, number][],
    private readonly targets: Target[],
  ) {
    this.column = new Map(variables.map((variable, index) => [variable, index]));
  }

  private open(): { program: LinearProgram; problem: LinearProblem } {
    if (!this.program || !this.problem) {
      this.problem = this.attacker.buildProblem(this.variables, this.column, this.equationIndexes, this.orderings);
      this.program = new LinearProgram(this.attacker.highs, this.problem);
    }
    return { program: this.program, problem: this.problem };
  }

  private observe(solution: Float64Array): void {
    const { values } = this.attacker.model;
    for (const target of this.targets) {
      let value = 0;
      target.variables.forEach((variable, index) => {
        const at = this.column.get(variable);
        value += target.weights[index]! * (at === undefined ? values[variable]! : solution[at]!);
      });
      if (value < target.low) target.low = value;
      if (value > target.high) target.high = value;
    }
  }

  /**
   * Objectives over a capped region: the first pushes every open count up at once — with the truth
   * at the other end (small counts sit near 0), that alone proves most intervals wide; random
   * objectives follow for the rest. The cap keeps every objective bounded (a group without a
   * published total has no maximum, and would otherwise give no point at all); a smaller region's
   * points are still points of the whole, and the cap is lifted before any interval is bounded.
   */
  async sample(isWide: (target: Target) => boolean): Promise<void> {
    const { targets } = this;
    let open = targets.filter((target) => !isWide(target)).length;
    if (open === 0) return;
    const { program, problem } = this.open();
    const cost = new Float64Array(this.variables.length);
    const cap = this.attacker.searchCap;
    program.setUpperBounds(problem.columnLower, problem.columnUpper.map((upper) => Math.min(upper, cap)));
    for (let round = 0; round < MAX_SAMPLE_ROUNDS && open > 0; round += 1) {
      await yieldNow();
      let sense: 'min' | 'max' = round % 2 === 0 ? 'min' : 'max';
      if (round % 3 === 0) {
        cost.fill(0);
        for (const target of targets) if (!isWide(target)) this.attacker.placeCost(target, this.column, cost, 0.5 + this.attacker.random());
        sense = 'max';
      } else {
        for (let index = 0; index < cost.length; index += 1) cost[index] = this.attacker.random() * 2 - 1;
      }
      const optimum = program.optimise(cost, sense);
      this.linearPrograms += 1;
      this.sampled += 1;
      if (optimum) this.observe(optimum.columns);
      const stillOpen = targets.filter((target) => !isWide(target)).length;
      if (round >= SAMPLE_ROUNDS && stillOpen === open) break;
      open = stillOpen;
    }
    program.setUpperBounds(problem.columnLower, problem.columnUpper);
  }

  /** Exact maximum (first: a small count's interval is bounded below by 0 anyway) and minimum of every count still narrow. */
  async bound(isWide: (target: Target) => boolean): Promise<void> {
    const cost = new Float64Array(this.variables.length);
    for (const target of this.targets) {
      if (isWide(target)) continue;
      await yieldNow();
      const { program } = this.open();
      for (const sense of ['max', 'min'] as const) {
        cost.fill(0);
        const constant = this.attacker.placeCost(target, this.column, cost);
        const optimum = program.optimise(cost, sense);
        this.linearPrograms += 1;
        if (!optimum) {
          // Unbounded above: as wide as can be.
          if (sense === 'max') target.high = Infinity;
          continue;
        }
        this.observe(optimum.columns);
        const value = optimum.value + constant;
        if (sense === 'max') target.high = Math.max(target.high, value);
        else target.low = Math.min(target.low, value);
        if (isWide(target)) break;
      }
    }
  }

  dispose(): void {
    this.program?.dispose();
  }
}
