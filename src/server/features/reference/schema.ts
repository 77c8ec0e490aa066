// SPDX-License-Identifier: EUPL-1.2
import { integer, pgTable, text, index } from 'drizzle-orm/pg-core';

export const provinces = pgTable('provinces', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

export const ggdRegions = pgTable('ggd_regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  provinceCode: text('province_code')
    .notNull()
    .references(() => provinces.code),
});

export const municipalities = pgTable(
  'municipalities',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    ggdRegionCode: text('ggd_region_code')
      .notNull()
      .references(() => ggdRegions.code),
    population: integer('population').notNull(),
    /** Reference year of the population figure (CBS Kerncijfers wijken en buurten). */
    populationYear: integer('population_year').notNull(),
  },
  (table) => [index('municipalities_ggd_region_idx').on(table.ggdRegionCode), index('municipalities_province_idx').on(table.provinceCode)],
);
