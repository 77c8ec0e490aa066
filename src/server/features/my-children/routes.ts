// SPDX-License-Identifier: EUPL-1.2
// A parent's children in Mijn Kansrijke Start (issue 15 item 5) under /api/v1/my/children: for a
// parent's session only. Who holds authority comes from the configured source (PARENT_AUTHORITY_SOURCE).
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { myChildParamSchema, myChildrenSchema, myChildSchema } from '../../../contracts/my-start.js';
import { parentContextOf } from '../my-start/parent-access.js';
import { authoritySourceFor } from '../parental-authority/authority-source.js';
import type { ChildContext } from './child-standing.js';
import { getMyChild } from './get-my-child.js';
import { listMyChildren } from './list-my-children.js';

const tags = ['Mijn Kansrijke Start'];
const parentOnly = { access: 'parent' as const };

export function registerMyChildrenRoutes(app: ZodApp, deps: FeatureDependencies) {
  const authority = authoritySourceFor(deps.config);
  const contextOf = (request: Parameters<typeof parentContextOf>[0]): ChildContext => ({ ...parentContextOf(request, deps), authority });
  app.get(
    '/my/children',
    {
      config: parentOnly,
      schema: {
        tags,
        summary: 'Mijn kinderen',
        description: 'De kinderen over wie deze ouder volgens de BRP het gezag heeft, geboren en jonger dan 12 jaar. Een afgeschermd kind staat erin zonder gegevens.',
        response: { 200: myChildrenSchema },
      },
    },
    async (request) => listMyChildren(contextOf(request)),
  );
  app.get(
    '/my/children/:childId',
    {
      config: parentOnly,
      schema: {
        tags,
        summary: 'Mijn kind',
        description: 'Naam, geboortedatum, de geboorte en de geplande contactmomenten van de JGZ. Afgeschermd: alleen dat. Zonder gezag, 12 jaar of ouder, of onbekend: 404.',
        params: myChildParamSchema,
        response: { 200: myChildSchema },
      },
    },
    async (request) => getMyChild(contextOf(request), request.params.childId),
  );
}
