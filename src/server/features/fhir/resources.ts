// SPDX-License-Identifier: EUPL-1.2
// Every resource type the FHIR API serves, in the order the CapabilityStatement lists them.
import type { ResourceHandler } from './resource-handler.js';
import { organizationHandler } from './organization.js';
import { patientHandler, relatedPersonHandler } from './patient.js';
import { questionnaireHandler } from './questionnaire.js';
import { questionnaireResponseHandler } from './questionnaire-response.js';
import { serviceRequestHandler, taskHandler } from './referral.js';
import { consentHandler } from './consent.js';
import { auditEventHandler } from './audit-event.js';
import { healthcareServiceHandler } from './healthcare-service.js';
import { observationHandler } from './observation.js';
import { searchParameterHandler } from './search-parameter-definitions.js';
import { subscriptionHandler } from './subscription.js';

const DATA_HANDLERS: readonly ResourceHandler[] = [
  patientHandler,
  relatedPersonHandler,
  questionnaireHandler,
  questionnaireResponseHandler,
  serviceRequestHandler,
  taskHandler,
  consentHandler,
  organizationHandler,
  healthcareServiceHandler,
  observationHandler,
  auditEventHandler,
  subscriptionHandler,
];

export const FHIR_RESOURCE_HANDLERS: readonly ResourceHandler[] = [...DATA_HANDLERS, searchParameterHandler(DATA_HANDLERS)];
