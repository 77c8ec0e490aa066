// SPDX-License-Identifier: EUPL-1.2
// Every feature's HTTP face, in the order they are registered under /api/v1.
import type { FeatureDependencies, ZodApp } from '../app.js';
import { registerReferenceRoutes } from './reference/routes.js';
import { registerAuthRoutes } from './auth/routes.js';
import { registerOrganisationRoutes, registerPeopleRoutes } from './organisations/routes.js';
import { registerAuditRoutes } from './audit/routes.js';
import { registerMonitorRoutes } from './monitor/routes.js';
import { registerReferralRoutes } from './referrals/routes.js';
import { registerJgzRoutes } from './jgz/routes.js';
import { registerInterventionRoutes } from './interventions/routes.js';
import { registerOutcomeRoutes } from './outcomes/routes.js';
import { registerFamilyRoutes } from './families/routes.js';
import { registerScreeningRoutes } from './screening/routes.js';
import { registerPathwayRoutes } from './pathways/routes.js';
import { registerCoalitionRoutes } from './coalitions/routes.js';
import { registerCoalitionPartnerRoutes } from './coalition-partners/routes.js';
import { registerCoalitionAgreementRoutes } from './coalition-agreements/routes.js';
import { registerCoalitionPlanRoutes } from './coalition-plans/routes.js';
import { registerCoalitionAnalysisRoutes } from './coalition-analysis/routes.js';
import { registerMunicipalQuestionnaireRoutes } from './municipal-questionnaire/routes.js';
import { registerApiClientRoutes } from './api-clients/routes.js';
import { registerSubscriptionRoutes } from './subscriptions/routes.js';
import { registerServiceRoutes } from './services/routes.js';
import { registerLocalOfferRoutes } from './local-offer/routes.js';
import { registerOfferCoverageRoutes } from './offer-coverage/routes.js';
import { registerNotificationRoutes } from './notifications/routes.js';
import { registerParentOfferRoutes } from './parent-offer/routes.js';
import { registerSelfRegistrationRoutes } from './self-registration/routes.js';
import { registerMailAdminRoutes } from './mail-admin/routes.js';
import { registerMyStartRoutes } from './my-start/routes.js';
import { registerMyChildrenRoutes } from './my-children/routes.js';

export type RegisterRoutes = (app: ZodApp, deps: FeatureDependencies) => void;

export const FEATURE_ROUTES: RegisterRoutes[] = [
  registerReferenceRoutes,
  registerAuthRoutes,
  registerOrganisationRoutes,
  registerPeopleRoutes,
  registerAuditRoutes,
  registerMonitorRoutes,
  registerReferralRoutes,
  registerJgzRoutes,
  registerInterventionRoutes,
  registerOutcomeRoutes,
  registerFamilyRoutes,
  registerScreeningRoutes,
  registerPathwayRoutes,
  registerCoalitionRoutes,
  registerCoalitionPartnerRoutes,
  registerCoalitionAgreementRoutes,
  registerCoalitionPlanRoutes,
  registerCoalitionAnalysisRoutes,
  registerMunicipalQuestionnaireRoutes,
  registerApiClientRoutes,
  registerSubscriptionRoutes,
  registerServiceRoutes,
  registerLocalOfferRoutes,
  registerOfferCoverageRoutes,
  registerNotificationRoutes,
  registerParentOfferRoutes,
  registerSelfRegistrationRoutes,
  registerMailAdminRoutes,
  registerMyStartRoutes,
  registerMyChildrenRoutes,
];
