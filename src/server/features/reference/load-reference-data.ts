// SPDX-License-Identifier: EUPL-1.2
// Loads municipalities, provinces and GGD regions from the shipped CBS files into their tables
// (on first start; a no-op once loaded).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import { ggdRegions, municipalities, provinces } from './schema.js';

const municipalityRow = z.object({
  code: z.string().regex(/^GM\d{4}$/),
  name: z.string().min(1),
  province_code: z.string().regex(/^PV\d{2}$/),
  province_name: z.string().min(1),
  ggd_region_code: z.string().regex(/^GG\d{4}$/),
  ggd_region_name: z.string().min(1),
});
const keyFiguresRow = z.object({ code: z.string(), population: z.coerce.number().int().positive() });

export const POPULATION_YEAR = 2024;
export const EXPECTED_MUNICIPALITY_COUNT = 342;

function readCsv(file: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${path.basename(file)}: ${parsed.errors[0]?.message}`);
  return parsed.data;
}

export function readReferenceFiles(dataFolder: string) {
  const rows = readCsv(path.join(dataFolder, 'gemeenten.csv')).map((row) => municipalityRow.parse(row));
  const population = new Map(
    readCsv(path.join(dataFolder, 'gemeenten_kerncijfers_2024.csv')).map((row) => {
      const parsed = keyFiguresRow.parse(row);
      return [parsed.code, parsed.population] as const;
    }),
  );
  if (rows.length !== EXPECTED_MUNICIPALITY_COUNT) throw new Error(`expected ${EXPECTED_MUNICIPALITY_COUNT} municipalities, found ${rows.length}`);
  const provinceRows = new Map(rows.map((row) => [row.province_code, { code: row.province_code, name: row.province_name }]));
  const ggdRows = new Map(
    rows.map((row) => [row.ggd_region_code, { code: row.ggd_region_code, name: row.ggd_region_name, provinceCode: row.province_code }]),
  );
  const municipalityRows = rows.map((row) => {
    const inhabitants = population.get(row.code);
    if (inhabitants === undefined) throw new Error(`no population for ${row.code}`);
    return {
      code: row.code,
      name: row.name,
      provinceCode: row.province_code,
      ggdRegionCode: row.ggd_region_code,
      population: inhabitants,
      populationYear: POPULATION_YEAR,
    };
  });
  return { provinces: [...provinceRows.values()], ggdRegions: [...ggdRows.values()], municipalities: municipalityRows };
}

/** Inserts the reference data when the tables are empty. Returns whether anything was loaded. */
export async function loadReferenceData(db: Executor, dataFolder: string): Promise<boolean> {
  const [row] = await queryRows<{ count: number }>(db, sql`SELECT count(*)::int AS count FROM municipalities`);
  if ((row?.count ?? 0) > 0) return false;
  const files = readReferenceFiles(dataFolder);
  await db.transaction(async (tx) => {
    await tx.insert(provinces).values(files.provinces);
    await tx.insert(ggdRegions).values(files.ggdRegions);
    await tx.insert(municipalities).values(files.municipalities);
  });
  return true;
}
