// SPDX-License-Identifier: EUPL-1.2
// Every resource type the FHIR API serves, in the order the CapabilityStatement lists them.
import type { ResourceHandler } from './resource-handler.js';
import { organizationHandler } from './organization.js';

export const FHIR_RESOURCE_HANDLERS: readonly ResourceHandler[] = [organizationHandler];
