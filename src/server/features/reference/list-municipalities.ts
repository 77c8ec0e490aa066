// SPDX-License-Identifier: EUPL-1.2
// Municipalities, provinces and GGD regions: public reference data, no personal data, no audit.
import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../platform/db/connection.js';
import { containsPattern } from '../../platform/http/listing.js';
import type { Municipality, Region, municipalityQuerySchema } from '../../../contracts/reference.js';
import { ggdRegions, municipalities, provinces } from './schema.js';

const municipalityColumns = {
  code: municipalities.code,
  name: municipalities.name,
  provinceCode: municipalities.provinceCode,
  provinceName: provinces.name,
  ggdRegionCode: municipalities.ggdRegionCode,
  ggdRegionName: ggdRegions.name,
  population: municipalities.population,
  populationYear: municipalities.populationYear,
};

export async function listMunicipalities(
  db: Executor,
  query: z.infer<typeof municipalityQuerySchema>,
): Promise<Municipality[]> {
  const conditions: SQL[] = [];
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(or(ilike(municipalities.name, pattern), ilike(municipalities.code, pattern))!);
  }
  if (query.provinceCode) conditions.push(eq(municipalities.provinceCode, query.provinceCode));
  if (query.ggdRegionCode) conditions.push(eq(municipalities.ggdRegionCode, query.ggdRegionCode));
  return db
    .select(municipalityColumns)
    .from(municipalities)
    .innerJoin(provinces, eq(provinces.code, municipalities.provinceCode))
    .innerJoin(ggdRegions, eq(ggdRegions.code, municipalities.ggdRegionCode))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(municipalities.name));
}

export async function getMunicipality(db: Executor, code: string): Promise<Municipality | undefined> {
  const [row] = await db
    .select(municipalityColumns)
    .from(municipalities)
    .innerJoin(provinces, eq(provinces.code, municipalities.provinceCode))
    .innerJoin(ggdRegions, eq(ggdRegions.code, municipalities.ggdRegionCode))
    .where(eq(municipalities.code, code));
  return row;
}

export async function listRegions(db: Executor, level: 'province' | 'ggd_region'): Promise<Region[]> {
  const table = level === 'province' ? provinces : ggdRegions;
  const key = level === 'province' ? municipalities.provinceCode : municipalities.ggdRegionCode;
  return db
    .select({
      code: table.code,
      name: table.name,
      municipalityCount: sql<number>`count(${municipalities.code})::int`,
      population: sql<number>`coalesce(sum(${municipalities.population}), 0)::int`,
    })
    .from(table)
    .leftJoin(municipalities, eq(key, table.code))
    .groupBy(table.code, table.name)
    .orderBy(asc(table.name));
}
