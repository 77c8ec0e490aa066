// SPDX-License-Identifier: EUPL-1.2
// The shipped boundaries (CBS Gebiedsindelingen 2025, /data/nl_2025.topojson) as SVG paths, projected
// once per level with d3-geo (Mercator fitted to the box) and cached for the session.
import { geoMercator, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { AreaLevel } from '../../../../contracts/monitor.js';

/** The levels with boundaries in the shipped TopoJSON (coalitions of both kinds have none: they are drawn as their municipalities). */
export type MapLevel = Exclude<AreaLevel, 'nation' | 'coalition' | 'regional'>;

const OBJECT_OF_LEVEL: Record<MapLevel, 'gemeenten' | 'ggdregios' | 'provincies'> = {
  municipality: 'gemeenten',
  ggd_region: 'ggdregios',
  province: 'provincies',
};

interface AreaProperties {
  code: string;
  name: string;
  province_code?: string;
  ggd_region_code?: string;
  ggd_region_name?: string;
  province_name?: string;
}

export interface MapShape {
  code: string;
  name: string;
  d: string;
  /** Projected centroid, for keyboard navigation to neighbours. */
  x: number;
  y: number;
}

export interface MapGeometry {
  width: number;
  height: number;
  shapes: MapShape[];
  /** Province borders drawn over municipalities, for orientation. */
  provinceBorders: string;
}

/** The map's drawing box; the country is fitted into it (about 1 : 1.18 in Mercator). */
export const MAP_WIDTH = 560;
export const MAP_HEIGHT = 660;

type NlTopology = Topology<{ gemeenten: GeometryCollection<AreaProperties>; ggdregios: GeometryCollection<AreaProperties>; provincies: GeometryCollection<AreaProperties> }>;

let topologyPromise: Promise<NlTopology> | null = null;

export function loadTopology(): Promise<NlTopology> {
  topologyPromise ??= fetch('/data/nl_2025.topojson', { credentials: 'same-origin' }).then((response) => {
    if (!response.ok) throw new Error(`topojson ${response.status}`);
    return response.json() as Promise<NlTopology>;
  });
  topologyPromise.catch(() => {
    topologyPromise = null;
  });
  return topologyPromise;
}

const geometryCache = new Map<MapLevel, MapGeometry>();

export function geometryFor(topology: NlTopology, level: MapLevel): MapGeometry {
  const cached = geometryCache.get(level);
  if (cached) return cached;
  const collection = feature(topology, topology.objects[OBJECT_OF_LEVEL[level]]) as FeatureCollection<Geometry, AreaProperties>;
  // Fit on the provinces (the whole country) so every level lines up exactly.
  const country = feature(topology, topology.objects.provincies) as FeatureCollection<Geometry, AreaProperties>;
  const projection = geoMercator().fitExtent(
    [
      [8, 8],
      [MAP_WIDTH - 8, MAP_HEIGHT - 8],
    ],
    country,
  );
  const path = geoPath(projection).digits(1);
  const shapes = collection.features.map((area: Feature<Geometry, AreaProperties>) => {
    const [x, y] = path.centroid(area);
    return { code: area.properties.code, name: area.properties.name, d: path(area) ?? '', x, y };
  });
  shapes.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const provinceBorders = level === 'province' ? '' : (path(mesh(topology, topology.objects.provincies)) ?? '');
  const geometry = { width: MAP_WIDTH, height: MAP_HEIGHT, shapes, provinceBorders };
  geometryCache.set(level, geometry);
  return geometry;
}

/** Every area in the boundaries, for the area picker: municipalities, GGD regions and provinces. */
export function areaDirectory(topology: NlTopology): { code: string; name: string; level: MapLevel; parent?: string }[] {
  const list: { code: string; name: string; level: MapLevel; parent?: string }[] = [];
  for (const level of ['municipality', 'ggd_region', 'province'] as const) {
    for (const geometry of topology.objects[OBJECT_OF_LEVEL[level]].geometries) {
      const properties = geometry.properties as AreaProperties;
      list.push({ code: properties.code, name: properties.name, level, ...(properties.province_name ? { parent: properties.province_name } : {}) });
    }
  }
  return list;
}

type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The area "next to" the current one in a direction: the nearest centroid in that half-plane,
 * preferring ones straight ahead over ones at an angle.
 */
export function neighbourInDirection(shapes: readonly MapShape[], from: MapShape, direction: Direction): MapShape | null {
  let best: MapShape | null = null;
  let bestScore = Infinity;
  for (const shape of shapes) {
    if (shape.code === from.code) continue;
    const dx = shape.x - from.x;
    const dy = shape.y - from.y;
    const ahead = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
    const aside = direction === 'right' || direction === 'left' ? Math.abs(dy) : Math.abs(dx);
    if (ahead <= 0.5) continue;
    const score = ahead + 2.5 * aside;
    if (score < bestScore) {
      bestScore = score;
      best = shape;
    }
  }
  return best;
}
