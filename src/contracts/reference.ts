// SPDX-License-Identifier: EUPL-1.2
import { z } from 'zod';

export const municipalityCodeSchema = z.string().regex(/^GM\d{4}$/, 'Verwacht: GM gevolgd door vier cijfers.');

export const municipalitySchema = z
  .object({
    code: z.string(),
    name: z.string(),
    provinceCode: z.string(),
    provinceName: z.string(),
    ggdRegionCode: z.string(),
    ggdRegionName: z.string(),
    population: z.number().int(),
    populationYear: z.number().int(),
  })
  .meta({ id: 'Municipality' });
export type Municipality = z.infer<typeof municipalitySchema>;

export const regionSchema = z
  .object({ code: z.string(), name: z.string(), municipalityCount: z.number().int(), population: z.number().int() })
  .meta({ id: 'Region' });
export type Region = z.infer<typeof regionSchema>;

export const municipalityQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  provinceCode: z.string().regex(/^PV\d{2}$/).optional(),
  ggdRegionCode: z.string().regex(/^GG\d{4}$/).optional(),
});
