// SPDX-License-Identifier: EUPL-1.2
// The menu Kansrijk ships, validated on load like the screening instrument: a file that does not fit
// the schema stops the start with the entry and the field that are wrong.
import menu202612Json from './menu-2026-12.json' with { type: 'json' };
import { menuFileSchema, type MenuFile } from './menu-schema.js';

export function loadMenu(json: unknown, name: string): MenuFile {
  const result = menuFileSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(bestand)'}: ${issue.message}`);
    throw new Error(`Meegeleverde menukaart ${name} is ongeldig: ${problems.join('; ')}`);
  }
  return result.data;
}

/** The current version of the national intervention menu. */
export const INTERVENTION_MENU: MenuFile = loadMenu(menu202612Json, 'menu-2026-12');
