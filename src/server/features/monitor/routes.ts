// SPDX-License-Identifier: EUPL-1.2
// HTTP face of the monitor and atlas (/monitor): parse, call one use-case, format as JSON, CSV or
// XLSX. Every figure leaves after small-number suppression; no route here reads a register row.
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf } from '../../platform/http/request-context.js';
import type { Executor } from '../../platform/db/connection.js';
import { CSV_MEDIA_TYPE } from '../../../contracts/common.js';
import {
  areaCodeSchema,
  areaProfileQuerySchema,
  areaProfileSchema,
  exportOptionsSchema,
  figureListQuerySchema,
  figureSchema,
  importPreviewSchema,
  importQuerySchema,
  indicatorKeySchema,
  indicatorSchema,
  monitorCoalitionSchema,
  monitorImportSchema,
  overviewQuerySchema,
  overviewSchema,
  seriesQuerySchema,
  seriesSchema,
} from '../../../contracts/monitor.js';
import { exportFormatOf, exportTable, sendExport, XLSX_MEDIA_TYPE, type DecimalMark, type ExportTable } from './export-figures.js';
import { computeIndicatorList, indicatorListTable } from './list-indicators.js';
import { computeNationalOverview, nationalOverviewTable } from './get-national-overview.js';
import { computeIndicatorFigures, indicatorFiguresTable } from './get-indicator-figures.js';
import { computeTimeSeries, timeSeriesTable } from './get-time-series.js';
import { areaProfileTable, computeAreaProfile } from './get-area-profile.js';
import { coalitionListTable, computeCoalitionList } from './list-coalitions.js';
import { previewImport } from './preview-import.js';
import { importAggregates } from './import-aggregates.js';

/** Largest import file accepted (200,000 lines of about 40 bytes fit comfortably). */
export const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;

const FILES_NOTE =
  'Met `Accept: text/csv` komt dezelfde tabel als CSV-bestand (puntkomma, UTF-8 met BOM; `?decimal=comma` voor een decimale komma), ' +
  'met `Accept: ' + XLSX_MEDIA_TYPE + '` als Excel-bestand. Onderdrukte cellen bevatten "onderdrukt". Een export wordt vastgelegd in het auditlog.';

/** A table endpoint's 200 response: JSON, CSV or XLSX (documented in OpenAPI). */
function tableResponse<T extends z.ZodType>(json: T) {
  return {
    content: {
      'application/json': { schema: json },
      [CSV_MEDIA_TYPE]: { schema: z.string().meta({ description: 'CSV (puntkomma, UTF-8 met BOM), met kopregel.' }) },
      [XLSX_MEDIA_TYPE]: { schema: z.string().meta({ description: 'Excel-werkmap met één blad en een kopregel.', format: 'binary' }) },
    },
  };
}

export function registerMonitorRoutes(app: ZodApp, deps: FeatureDependencies) {
  // Its own plugin context: the text/csv body parser applies to the import routes only.
  app.register(async (scope) => {
    const monitor = scope.withTypeProvider<ZodTypeProvider>();
    monitor.addContentTypeParser(CSV_MEDIA_TYPE, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) =>
      done(null, body),
    );
    registerFigureRoutes(monitor as unknown as ZodApp, deps);
    registerImportRoutes(monitor as unknown as ZodApp, deps);
  });
}

/** Answers with JSON (policy checked, not audited: no personal data) or with an audited file. */
async function answerTable<Result, Row>(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: FeatureDependencies,
  decimal: DecimalMark,
  compute: (db: Executor) => Promise<Result>,
  toTable: (result: Result) => ExportTable<Row>,
): Promise<Result | FastifyReply> {
  const ctx = contextOf(request, deps);
  const format = exportFormatOf(request);
  if (format) return sendExport(reply, await exportTable(ctx, compute, toTable, format, decimal));
  return ctx.store.readAggregates({ resource: 'indicator_figure', action: 'list', perform: compute });
}

function registerFigureRoutes(app: ZodApp, deps: FeatureDependencies) {
  const tags = ['Monitor'];
  app.get(
    '/monitor/indicators',
    {
      schema: {
        tags,
        summary: 'Indicatoren van de monitor',
        description: `De definities van de indicatoren van Kansrijke Start: sleutel, naam, fase, soort, teller en noemer, eenheid, bron, gewenste richting en edities. ${FILES_NOTE}`,
        querystring: exportOptionsSchema,
        response: { 200: tableResponse(z.array(indicatorSchema)) },
      },
    },
    async (request, reply) => answerTable(request, reply, deps, request.query.decimal, computeIndicatorList, indicatorListTable),
  );
  app.get(
    '/monitor/overview',
    {
      schema: {
        tags,
        summary: 'Landelijk overzicht',
        description:
          'Per indicator het laatste landelijke cijfer (tot en met `year`), totaal en naar kwetsbare situatie, met de verandering ten opzichte van het jaar ervoor ' +
          `(symbool, beoordeling en p-waarde), zoals Tabel 1 van de landelijke monitor. ${FILES_NOTE}`,
        querystring: overviewQuerySchema,
        response: { 200: tableResponse(overviewSchema) },
      },
    },
    async (request, reply) =>
      answerTable(request, reply, deps, request.query.decimal, (db) => computeNationalOverview(db, request.query), nationalOverviewTable),
  );
  app.get(
    '/monitor/indicators/:key/figures',
    {
      schema: {
        tags,
        summary: 'Cijfers van één indicator per gebied',
        description:
          'Alle gebieden van één niveau (gemeente, GGD-regio, provincie, coalitie of Nederland) voor één periode, na onderdrukking van kleine aantallen ' +
          '(over de hele tabel van alle niveaus en uitsplitsingen, zodat niets is terug te rekenen), met 95%-betrouwbaarheidsinterval (Wilson) ' +
          `en de verandering ten opzichte van de vorige periode. \`poolYears\` neemt jaren samen (tot en met \`year\`). ${FILES_NOTE}`,
        params: z.object({ key: indicatorKeySchema }),
        querystring: figureListQuerySchema,
        response: { 200: tableResponse(z.array(figureSchema)) },
      },
    },
    async (request, reply) =>
      answerTable(request, reply, deps, request.query.decimal, (db) => computeIndicatorFigures(db, request.params.key, request.query), indicatorFiguresTable(request.params.key, request.query)),
  );
  app.get(
    '/monitor/indicators/:key/areas/:areaCode/series',
    {
      schema: {
        tags,
        summary: 'Tijdreeks van één indicator voor één gebied',
        description:
          'Per jaar (of per samengenomen periode) het cijfer met interval en de verandering, en een chi-kwadraattoets voor trend over de gepubliceerde periodes. ' +
          `Voor een gemeente (GM…), GGD-regio (GG…), provincie (PV…), coalitie (KS…) of Nederland (NL01). ${FILES_NOTE}`,
        params: z.object({ key: indicatorKeySchema, areaCode: areaCodeSchema }),
        querystring: seriesQuerySchema,
        response: { 200: tableResponse(seriesSchema) },
      },
    },
    async (request, reply) =>
      answerTable(
        request,
        reply,
        deps,
        request.query.decimal,
        (db) => computeTimeSeries(db, request.params.key, request.params.areaCode, request.query),
        timeSeriesTable,
      ),
  );
  app.get(
    '/monitor/areas/:areaCode',
    {
      schema: {
        tags,
        summary: 'Profiel van één gebied',
        description:
          'Alle indicatoren voor één gebied, vergeleken met het gemiddelde van vergelijkbare gemeenten (zelfde grootteklasse; alleen bij minstens 3 gemeenten ' +
          `met een gepubliceerd cijfer), de GGD-regio, de coalitie (als de gemeente in een coalitie zit), de provincie en Nederland. ${FILES_NOTE}`,
        params: z.object({ areaCode: areaCodeSchema }),
        querystring: areaProfileQuerySchema,
        response: { 200: tableResponse(areaProfileSchema) },
      },
    },
    async (request, reply) =>
      answerTable(request, reply, deps, request.query.decimal, (db) => computeAreaProfile(db, request.params.areaCode, request.query), areaProfileTable),
  );
  app.get(
    '/monitor/coalitions',
    {
      schema: {
        tags,
        summary: 'Coalities en hun gemeenten',
        description:
          'De actieve coalities Kansrijke Start (code KS…) met hun gemeenten; een gemeente zit in hoogstens één coalitie. Coalities hebben geen eigen grenzen: ' +
          `de kaart kleurt elke gemeente naar het cijfer van haar coalitie. ${FILES_NOTE}`,
        querystring: exportOptionsSchema,
        response: { 200: tableResponse(z.array(monitorCoalitionSchema)) },
      },
    },
    async (request, reply) => answerTable(request, reply, deps, request.query.decimal, computeCoalitionList, coalitionListTable),
  );
}

function registerImportRoutes(app: ZodApp, deps: FeatureDependencies) {
  const tags = ['Monitor'];
  // The raw bytes reach the use-case (it checks the encoding itself); documented as a CSV string.
  const csvBody = z.any().meta({
    type: 'string',
    description: 'CSV (UTF-8, met of zonder BOM; puntkomma of komma) met de kopregel indicator;gebied;jaar;uitsplitsing;teller;noemer.',
  });
  const consumes = [CSV_MEDIA_TYPE];
  const bytesOf = (body: unknown): Uint8Array => (Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : ''));
  app.post(
    '/monitor/imports/preview',
    {
      schema: {
        tags,
        summary: 'Importbestand controleren',
        description:
          'Controleert het hele bestand (kopregel, indicator, gebiedscode, jaar, uitsplitsing, teller en noemer, dubbele regels, tekenset) ' +
          'en geeft per regel de fouten en een voorbeeld van de eerste regels. Slaat niets op. Voor analisten en de beheerder van het platform.',
        consumes,
        body: csvBody,
        response: { 200: importPreviewSchema },
      },
    },
    async (request) => previewImport(contextOf(request, deps), bytesOf(request.body)),
  );
  app.post(
    '/monitor/imports',
    {
      schema: {
        tags,
        summary: 'Importbestand opslaan',
        description:
          'Slaat alle regels in één keer op als het hele bestand klopt; anders 400 met de fouten per regel en wordt niets opgeslagen. ' +
          'Hetzelfde bestand nogmaals sturen is onschadelijk: het antwoord is dan de eerdere import (200 in plaats van 201). ' +
          'Een latere import van dezelfde indicator, hetzelfde gebied, jaar en uitsplitsing vervangt het eerder geïmporteerde cijfer.',
        consumes,
        body: csvBody,
        querystring: importQuerySchema,
        response: { 200: monitorImportSchema, 201: monitorImportSchema },
      },
    },
    async (request, reply) => {
      const stored = await importAggregates(contextOf(request, deps), bytesOf(request.body), request.query.fileName);
      return reply.status(stored.isNew ? 201 : 200).send(stored);
    },
  );
}
