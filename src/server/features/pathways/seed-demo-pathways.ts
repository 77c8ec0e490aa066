// SPDX-License-Identifier: EUPL-1.2
// Puts the demo care pathways (Dordrecht, Drechtsteden) into care_pathways for a demo database.
// Each becomes its published version 1. Idempotent: a pathway already there (perhaps edited since,
// so with later versions) is left alone.
import type { Executor } from '../../platform/db/connection.js';
import { carePathways } from './schema.js';
import { DEMO_PATHWAYS } from './domain/demo-pathways.js';
import { scopeKeyOf } from './domain/pathway.js';

/** Returns how many pathways were added (0 once seeded). */
export async function seedDemoPathways(db: Executor): Promise<number> {
  const rows = DEMO_PATHWAYS.map((pathway) => ({
    scopeKind: 'municipalityCode' in pathway.scope ? 'municipality' : 'coalition',
    scopeCode: scopeKeyOf(pathway.scope),
    factorKey: pathway.factorKey,
    version: 1,
    status: 'published',
    ownerCode: scopeKeyOf(pathway.scope),
    content: { ...pathway, version: 1 },
    updatedAt: new Date(pathway.updatedAt),
    publishedAt: new Date(pathway.updatedAt),
  }));
  const inserted = await db
    .insert(carePathways)
    .values(rows)
    .onConflictDoNothing({ target: [carePathways.scopeKind, carePathways.scopeCode, carePathways.factorKey, carePathways.version] })
    .returning({ id: carePathways.id });
  return inserted.length;
}
