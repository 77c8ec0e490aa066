// SPDX-License-Identifier: EUPL-1.2
// Every table, for drizzle-kit and for typed queries. Tables live beside the feature that owns them.
export * from '../../features/reference/schema.js';
export * from '../../features/organisations/schema.js';
export * from '../../features/auth/schema.js';
export * from '../audit/schema.js';
export * from '../http/rate-limit-schema.js';
export * from '../../features/monitor/schema.js';
export * from '../../features/coalitions/schema.js';
export * from '../../features/families/schema.js';
export * from '../../features/referrals/schema.js';
export * from '../../features/screening/schema.js';
export * from '../../features/pathways/schema.js';
export * from '../../features/jgz/schema.js';
export * from '../../features/interventions/schema.js';
export * from '../../features/outcomes/schema.js';
export * from '../../features/coalition-partners/schema.js';
export * from '../../features/coalition-agreements/schema.js';
export * from '../../features/coalition-plans/schema.js';
export * from '../../features/coalition-analysis/schema.js';
export * from '../../features/municipal-questionnaire/schema.js';
export * from '../../features/api-clients/schema.js';
export * from '../../features/subscriptions/schema.js';
export * from '../../features/services/schema.js';
export * from '../../features/local-offer/schema.js';
export * from '../mail/schema.js';
export * from '../../features/my-start/schema.js';
