// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('reference data API', () => {
  it('lists all 342 municipalities with province, GGD region and population', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/municipalities' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toHaveLength(342);
    const dordrecht = body.find((m: { code: string }) => m.code === 'GM0505');
    expect(dordrecht).toMatchObject({
      name: 'Dordrecht',
      provinceCode: 'PV28',
      provinceName: 'Zuid-Holland',
      ggdRegionCode: 'GG4816',
      populationYear: 2024,
    });
    expect(dordrecht.population).toBeGreaterThan(100_000);
    const total = body.reduce((sum: number, m: { population: number }) => sum + m.population, 0);
    expect(total).toBe(17_942_942);
  });

  it('searches by name, case-insensitively, and treats % and _ literally', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/municipalities?q=gRAVENhage' });
    expect(response.json().map((m: { code: string }) => m.code)).toEqual(['GM0518']);
    const wildcard = await t.app.inject({ method: 'GET', url: '/api/v1/municipalities?q=%25' });
    expect(wildcard.json()).toEqual([]);
  });

  it('filters by GGD region and returns 12 provinces and 25 GGD regions with totals', async () => {
    const zhz = await t.app.inject({ method: 'GET', url: '/api/v1/municipalities?ggdRegionCode=GG4816' });
    expect(zhz.json()).toHaveLength(10);
    const provinces = (await t.app.inject({ method: 'GET', url: '/api/v1/provinces' })).json();
    expect(provinces).toHaveLength(12);
    expect(provinces.reduce((sum: number, p: { municipalityCount: number }) => sum + p.municipalityCount, 0)).toBe(342);
    const regions = (await t.app.inject({ method: 'GET', url: '/api/v1/ggd-regions' })).json();
    expect(regions).toHaveLength(25);
  });

  it('rejects an unknown or malformed municipality code with a Dutch problem, never a 500', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/municipalities/GM9999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({ status: 404, code: 'not_found' });
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/municipalities/amsterdam' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('validation_failed');
    expect(malformed.json().detail).toMatch(/Controleer/);
    const badFilter = await t.app.inject({ method: 'GET', url: '/api/v1/municipalities?provinceCode=Utrecht' });
    expect(badFilter.statusCode).toBe(400);
  });

  it('serves the boundaries as a cacheable static asset', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/data/nl_2025.topojson' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('max-age=86400');
    expect(response.headers.etag).toBeTruthy();
    const topology = response.json();
    expect(topology.objects.gemeenten.geometries).toHaveLength(342);
    const other = await t.app.inject({ method: 'GET', url: '/data/common-passwords.txt' });
    expect(other.statusCode).toBe(404);
  });
});
