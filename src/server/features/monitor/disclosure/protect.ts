// SPDX-License-Identifier: EUPL-1.2
// Which cells of the publication to hide so that no hidden count of persons can be bounded to an
// interval narrower than the threshold by anyone who sees everything published (attack.ts). As in
// τ-ARGUS and sdcTable: primary suppression of small counts, then secondary suppression until the
// attacker finds nothing.
//
// 1. Primary: a cell whose numerator, complement (denominator − numerator) or denominator is below
//    the threshold.
// 2. Structural (cheap, exact): a hidden numerator shown by another cell (a shared population) hides
//    that cell too; a relation with one hidden count left, or whose hidden counts add up to less than
//    the threshold, gets one more cell hidden.
// 3. The attacker, in rounds: every count it still bounds too narrowly gets a neighbouring published
//    cell hidden (one in the same relation: the smallest count of at least the threshold, else the
//    largest), twice as many each time the same cell is disclosed again. Only groups touched since
//    the last round are attacked again: hiding more only widens intervals, so what was proven safe
//    stays safe.
import type { Highs } from 'highs';
import { PublicationAttacker, type Disclosure } from './attack.js';
import type { LinearModel } from './model.js';

export interface ProtectionResult {
  hidden: Uint8Array;
  primary: number;
  structural: number;
  byAttacker: number;
  rounds: number;
  /** Disclosures left when the rounds ran out (empty when protection succeeded). */
  disclosures: Disclosure[];
}

/** Counts of persons below this are not published (as RIVM and Regiobeeld). */
export const SUPPRESSION_THRESHOLD = 10;
const MAX_ATTACK_ROUNDS = 50;

export function isPrimary(numerator: number, denominator: number, threshold: number): boolean {
  return numerator < threshold || denominator - numerator < threshold || denominator < threshold;
}

export async function protectPublication(highs: Highs, model: LinearModel, threshold: number): Promise<ProtectionResult> {
  const { cells, values, shownBy, equations } = model;
  const hidden = new Uint8Array(cells.length);
  const unknown = (variable: number) => shownBy[variable]!.every((cell) => hidden[cell]);
  const dirty = new Set<number>();
  let count = 0;
  const hideCell = (cell: number) => {
    if (hidden[cell]) return;
    hidden[cell] = 1;
    count += 1;
    dirty.add(model.numeratorOf[cell]!);
    dirty.add(model.denominatorOf[cell]!);
  };
  /** Makes a variable unknown: hides every cell that still shows it. */
  const hideVariable = (variable: number) => shownBy[variable]!.forEach(hideCell);

  // Per variable, the relations it is in and its ordering partners (for choosing neighbours).
  const equationsOf: number[][] = values.length ? Array.from({ length: values.length }, () => []) : [];
  equations.forEach((equation, index) => equation.variables.forEach((variable) => equationsOf[variable]!.push(index)));
  const partners: number[][] = Array.from({ length: values.length }, () => []);
  for (const [small, large] of model.orderings) {
    partners[small]!.push(large);
    partners[large]!.push(small);
  }
  /** Smallest value of at least the threshold first (it adds room at little cost), then the largest. */
  const preference = (a: number, b: number) => {
    const bigA = values[a]! >= threshold;
    const bigB = values[b]! >= threshold;
    if (bigA !== bigB) return bigA ? -1 : 1;
    return (bigA ? values[a]! - values[b]! : values[b]! - values[a]!) || a - b;
  };

  cells.forEach((cell, index) => {
    if (isPrimary(cell.numerator, cell.denominator, threshold)) hideCell(index);
  });
  const primary = count;

  const structuralPass = () => {
    for (let changed = true; changed; ) {
      changed = false;
      for (let cell = 0; cell < cells.length; cell += 1) {
        if (hidden[cell] && !unknown(model.numeratorOf[cell]!)) {
          hideVariable(model.numeratorOf[cell]!);
          changed = true;
        }
      }
      for (const equation of equations) {
        const hiddenVariables: number[] = [];
        const knownVariables: number[] = [];
        let sameSign = true;
        let hiddenTotal = 0;
        equation.variables.forEach((variable, position) => {
          if (!unknown(variable)) return void knownVariables.push(variable);
          hiddenVariables.push(variable);
          hiddenTotal += values[variable]!;
          if (equation.coefficients[position] !== equation.coefficients[equation.variables.indexOf(hiddenVariables[0]!)]) sameSign = false;
        });
        if (hiddenVariables.length === 0 || knownVariables.length === 0) continue;
        if (hiddenVariables.length === 1 || (sameSign && hiddenTotal < threshold)) {
          hideVariable(knownVariables.sort(preference)[0]!);
          changed = true;
        }
      }
    }
  };
  structuralPass();
  const structural = count - primary;

  /** Published variables next to a disclosed cell's counts, nearest relations first. */
  const neighbours = (cell: number): number[] => {
    let frontier = [model.numeratorOf[cell]!, model.denominatorOf[cell]!];
    const visited = new Set(frontier);
    for (let depth = 0; depth < 6 && frontier.length > 0; depth += 1) {
      const found: number[] = [];
      const next: number[] = [];
      for (const variable of frontier) {
        const around = [...equationsOf[variable]!.flatMap((index) => equations[index]!.variables), ...partners[variable]!];
        for (const other of around) {
          if (visited.has(other)) continue;
          visited.add(other);
          (unknown(other) ? next : found).push(other);
        }
      }
      if (found.length > 0) return found.sort(preference);
      frontier = next;
    }
    return [];
  };

  const attacker = new PublicationAttacker(highs, model, threshold);
  const proven = new Set<string>();
  const attempts = new Map<number, number>();
  let disclosures: Disclosure[] = [];
  let rounds = 0;
  const beforeAttacks = count;
  let onlyVariables: Set<number> | undefined;
  while (rounds < MAX_ATTACK_ROUNDS) {
    rounds += 1;
    dirty.clear();
    disclosures = (await attacker.attack(hidden, proven, onlyVariables)).disclosures;
    if (disclosures.length === 0) break;
    const disclosedCells = [...new Set(disclosures.map((disclosure) => disclosure.cell))];
    for (const cell of disclosedCells) {
      const attempt = (attempts.get(cell) ?? 0) + 1;
      attempts.set(cell, attempt);
      neighbours(cell).slice(0, 2 ** Math.min(attempt - 1, 10)).forEach(hideVariable);
    }
    structuralPass();
    // Attack again where something changed, and wherever a disclosure was found.
    onlyVariables = new Set(dirty);
    for (const cell of disclosedCells) {
      onlyVariables.add(model.numeratorOf[cell]!);
      onlyVariables.add(model.denominatorOf[cell]!);
    }
  }
  return { hidden, primary, structural, byAttacker: count - beforeAttacks, rounds, disclosures };
}
