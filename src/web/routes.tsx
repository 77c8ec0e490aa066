// SPDX-License-Identifier: EUPL-1.2
// Dutch URLs, each area loaded on demand (React.lazy) so the login page stays light.
import { lazy, Suspense } from 'react';
import { Navigate, Outlet, useLocation, type RouteObject } from 'react-router';
import { AppLayout, type RouteHandle } from './components/layout.js';
import { LoadError, Loading, Page } from './components/page.js';
import { Paragraph } from './components/ui.js';
import { useMessages } from './i18n/messages.js';
import { ADMIN_ROLES, hasAnyRole, pathForStage, useSession } from './session/session.js';
import type { Role } from '../contracts/roles.js';

const LoginPage = lazy(() => import('./features/auth/login-page.js'));
const SecondFactorPage = lazy(() => import('./features/auth/second-factor-page.js'));
const EnrolmentPage = lazy(() => import('./features/auth/enrolment-page.js'));
const InvitationPage = lazy(() => import('./features/auth/invitation-page.js'));
const HomePage = lazy(() => import('./features/home/home-page.js'));
const AccountPage = lazy(() => import('./features/account/account-page.js'));
const MunicipalitiesPage = lazy(() => import('./features/reference/municipalities-page.js'));
const OrganisationsPage = lazy(() => import('./features/organisations/organisations-page.js'));
const PeoplePage = lazy(() => import('./features/people/people-page.js'));
const AuditPage = lazy(() => import('./features/audit/audit-page.js'));
const AccessibilityPage = lazy(() => import('./features/about/accessibility-page.js'));
const MonitorOverviewPage = lazy(() => import('./features/monitor/overview-page.js'));
const MonitorIndicatorPage = lazy(() => import('./features/monitor/indicator-page.js'));
const MonitorAreaPage = lazy(() => import('./features/monitor/area-page.js'));
const MonitorImportPage = lazy(() => import('./features/monitor/import-page.js'));
const FamiliesPage = lazy(() => import('./features/families/families-page.js'));
const RegisterFamilyPage = lazy(() => import('./features/families/register-family-page.js'));
const FamilyLayout = lazy(() => import('./features/families/family-layout.js'));
const FamilyOverviewPage = lazy(() => import('./features/families/family-overview-page.js'));
const FamilyAccessLogPage = lazy(() => import('./features/families/family-access-log-page.js'));
const EmergencyAccessPage = lazy(() => import('./features/families/emergency-access-page.js'));
const EmergencyReviewPage = lazy(() => import('./features/families/emergency-review-page.js'));
const ScreeningListPage = lazy(() => import('./features/screening/screening-list-page.js'));
const ScreeningPage = lazy(() => import('./features/screening/screening-page.js'));
const CareSectionPage = lazy(() => import('./features/care/care-section-page.js'));
const CaseloadPage = lazy(() => import('./features/care/caseload-page.js'));
const NotificationsPage = lazy(() => import('./features/notifications/notifications-page.js'));
const NotificationPreferencesPage = lazy(() => import('./features/notifications/preferences-page.js'));
const InboxSettingsPage = lazy(() => import('./features/notifications/inbox-settings-page.js'));
const ReferralInboxPage = lazy(() => import('./features/referrals/referral-inbox-page.js'));
const ReferralDetailPage = lazy(() => import('./features/referrals/referral-detail-page.js'));
const FamilyReferralsPage = lazy(() => import('./features/referrals/family-referrals-page.js'));
const OverdueReferralsPage = lazy(() => import('./features/referrals/overdue-referrals-page.js'));
const CoalitionOverviewPage = lazy(() => import('./features/coalitions/overview-page.js'));
const NewCoalitionPage = lazy(() => import('./features/coalitions/new-coalition-page.js'));
const CoalitionPage = lazy(() => import('./features/coalitions/coalition-page.js'));
const CoalitionPlanPage = lazy(() => import('./features/coalition-plans/plan-page.js'));
const CoalitionPlanComparePage = lazy(() => import('./features/coalition-plans/compare-page.js'));
const CoalitionPlanPrintPage = lazy(() => import('./features/coalition-plans/print-page.js'));
const QuestionnaireEditionsPage = lazy(() => import('./features/municipal-questionnaire/editions-page.js'));
const QuestionnaireResponsesPage = lazy(() => import('./features/municipal-questionnaire/responses-page.js'));
const QuestionnaireResponsePage = lazy(() => import('./features/municipal-questionnaire/response-page.js'));
// chain: lazy pages (one line per page; keep this marker)
const CoalitionPartnersPage = lazy(() => import('./features/coalition-partners/partners-page.js'));
const LocalOfferPage = lazy(() => import('./features/local-offer/local-offer-page.js'));
const ParentContentPage = lazy(() => import('./features/parent-content/parent-content-page.js'));
const CoalitionAgreementsPage = lazy(() => import('./features/coalition-agreements/agreements-page.js'));
const AgreementsToReviewPage = lazy(() => import('./features/coalition-agreements/to-review-page.js'));
const AnalysisRoundsPage = lazy(() => import('./features/coalition-analysis/rounds-page.js'));
const AnalysisRoundPage = lazy(() => import('./features/coalition-analysis/round-page.js'));
const AnalysisReportPage = lazy(() => import('./features/coalition-analysis/report-page.js'));
const AnalysisInvitationsPage = lazy(() => import('./features/coalition-analysis/my-invitations-page.js'));
const AnalysisOwnAnswerPage = lazy(() => import('./features/coalition-analysis/own-answer-page.js'));
const MailAdminPage = lazy(() => import('./features/mail-admin/mail-admin-page.js'));
const AnalysisLinkAnswerPage = lazy(() => import('./features/coalition-analysis/link-answer-page.js'));
const ApiClientsPage = lazy(() => import('./features/api-clients/api-clients-page.js'));
const InterventionMenuPage = lazy(() => import('./features/intervention-menu/intervention-menu-page.js'));
const InterventionPage = lazy(() => import('./features/intervention-menu/intervention-page.js'));
const SubscriptionsPage = lazy(() => import('./features/subscriptions/subscriptions-page.js'));
const ServicesPage = lazy(() => import('./features/services/services-page.js'));
const ServicePage = lazy(() => import('./features/services/service-page.js'));
const ServiceFormPage = lazy(() => import('./features/services/service-form-page.js'));
const VerificationTasksPage = lazy(() => import('./features/services/verification-tasks-page.js'));
const PathwayRegisterPage = lazy(() => import('./features/pathways/register-page.js'));
const PathwayPage = lazy(() => import('./features/pathways/pathway-page.js'));
const PathwayEditorPage = lazy(() => import('./features/pathways/editor-page.js'));
const ContactCardPage = lazy(() => import('./features/pathways/contact-card-page.js'));
const OfferFinderPage = lazy(() => import('./features/offer-coverage/finder-page.js'));
const OfferCoveragePage = lazy(() => import('./features/offer-coverage/coverage-page.js'));
const NotFoundPage = lazy(() => import('./features/about/not-found-page.js'));
const ParentsLayout = lazy(() => import('./features/parents-public/parents-layout.js'));
const ParentsHomePage = lazy(() => import('./features/parents-public/parents-home-page.js'));
const ParentMunicipalityPage = lazy(() => import('./features/parents-public/parent-page.js'));
const SelfRegistrationPage = lazy(() => import('./features/parents-public/self-registration-page.js'));
const SelfRegistrationsPage = lazy(() => import('./features/self-registrations/self-registrations-page.js'));
// Mijn Kansrijke Start: parents, with a session of their own (never a staff session).
const ParentLoginPage = lazy(() => import('./features/my-start/parent-login-page.js'));
const ParentArea = lazy(() => import('./features/my-start/parent-area.js'));
const MyStartPage = lazy(() => import('./features/my-start/my-start-page.js'));
const MyAccessLogPage = lazy(() => import('./features/my-start/my-access-log-page.js'));
const MyChildPage = lazy(() => import('./features/my-start/my-child-page.js'));

/** Who may import aggregate files into the monitor (the server checks the same). */
const MONITOR_IMPORT_ROLES: readonly Role[] = ['analyst', 'platform_admin'];

/** Who reads the coverage overview (the server checks per coalition: policy.ts offer_coverage). */
const COVERAGE_READERS: readonly Role[] = ['coalition_coordinator', 'policy_officer', 'analyst', 'platform_admin'];

/** Who may found a coalition (the server checks the same). */
const COALITION_FOUNDERS: readonly Role[] = ['coalition_coordinator', 'platform_admin'];

/** Who works with client files: professionals only (the server checks care relationships per family). */
const CARE_ROLES: readonly Role[] = ['professional'];

const crumb = (label: RouteHandle['crumb']): RouteHandle => ({ crumb: label });

/** Pages behind login: sends anyone without a full session to the right login step. */
function RequireSession() {
  const { session, endReason, probeError, retryProbe } = useSession();
  const location = useLocation();
  if (session === undefined) return probeError ? <LoadError error={probeError} onRetry={retryProbe} /> : <Loading />;
  if (session === null) {
    return <Navigate to="/inloggen" replace state={{ reason: endReason, returnTo: location.pathname + location.search }} />;
  }
  if (session.stage !== 'active') return <Navigate to={pathForStage(session)} replace />;
  return <Outlet />;
}

function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { session } = useSession();
  const { m } = useMessages();
  if (!hasAnyRole(session, roles)) {
    return (
      <Page title={m.shell.forbiddenTitle}>
        <Paragraph>{m.shell.forbiddenText}</Paragraph>
      </Page>
    );
  }
  return <Outlet />;
}

export const routes: RouteObject[] = [
  // The parents' public pages (issue 15): their own simple frame, no login, no professional navigation.
  {
    path: 'ouders',
    element: (
      <Suspense fallback={<Loading />}>
        <ParentsLayout />
      </Suspense>
    ),
    children: [
      { index: true, element: <ParentsHomePage /> },
      { path: ':code', element: <ParentMunicipalityPage /> },
      { path: ':code/aanmelden', element: <SelfRegistrationPage /> },
    ],
  },
  {
    element: <AppLayout />,
    children: [
      {
        path: 'inloggen',
        handle: crumb((m) => m.login.title),
        children: [
          { index: true, element: <LoginPage /> },
          { path: 'code', handle: crumb((m) => m.twoFactor.codeTitle), element: <SecondFactorPage /> },
          { path: '2fa-instellen', handle: crumb((m) => m.twoFactor.enrolTitle), element: <EnrolmentPage /> },
        ],
      },
      { path: 'uitnodiging/:token', handle: crumb((m) => m.invitation.title), element: <InvitationPage /> },
      // The self-analysis behind a personal link: no login (the link is the invitation).
      { path: 'zelfanalyse/:token', handle: crumb((m) => m.analysis.crumb), element: <AnalysisLinkAnswerPage /> },
      { path: 'toegankelijkheid', handle: crumb((m) => m.accessibilityStatement.title), element: <AccessibilityPage /> },
      {
        path: 'mijn',
        handle: crumb((m) => m.myStart.crumb),
        children: [
          { path: 'inloggen', handle: crumb((m) => m.myStart.loginTitle), element: <ParentLoginPage /> },
          {
            element: <ParentArea />,
            children: [
              { index: true, element: <MyStartPage /> },
              { path: 'inzage', handle: crumb((m) => m.myStart.accessLogTitle), element: <MyAccessLogPage /> },
              { path: 'kinderen/:childId', handle: crumb((m) => m.myStart.childTitleNeutral), element: <MyChildPage /> },
            ],
          },
        ],
      },
      {
        element: <RequireSession />,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'account',
            handle: crumb((m) => m.account.title),
            children: [
              { index: true, element: <AccountPage /> },
              { path: 'meldingen', handle: crumb((m) => m.notifications.preferencesTitle), element: <NotificationPreferencesPage /> },
            ],
          },
          { path: 'meldingen', handle: crumb((m) => m.notifications.title), element: <NotificationsPage /> },
          {
            path: 'zelfanalyse',
            handle: crumb((m) => m.analysis.myTitle),
            children: [
              { index: true, element: <AnalysisInvitationsPage /> },
              { path: 'uitnodigingen/:respondentId', handle: crumb((m) => m.analysis.formCrumb), element: <AnalysisOwnAnswerPage /> },
            ],
          },
          { path: 'gemeenten', handle: crumb((m) => m.municipalities.title), element: <MunicipalitiesPage /> },
          {
            path: 'interventies',
            handle: crumb((m) => m.interventionMenu.nav),
            children: [
              { index: true, element: <InterventionMenuPage /> },
              { path: ':key', handle: crumb((m) => m.interventionMenu.detailCrumb), element: <InterventionPage /> },
            ],
          },
          {
            path: 'sociale-kaart',
            handle: crumb((m) => m.services.nav),
            children: [
              { index: true, element: <ServicesPage /> },
              {
                element: <RequireRole roles={ADMIN_ROLES} />,
                children: [
                  { path: 'te-bevestigen', handle: crumb((m) => m.services.navTasks), element: <VerificationTasksPage /> },
                  { path: 'nieuw', handle: crumb((m) => m.services.formTitleNew), element: <ServiceFormPage /> },
                  { path: ':id/wijzigen', handle: crumb((m) => m.services.edit), element: <ServiceFormPage /> },
                ],
              },
              { path: ':id', handle: crumb((m) => m.services.title), element: <ServicePage /> },
            ],
          },
          {
            path: 'monitor',
            handle: crumb((m) => m.monitorPages.crumbMonitor),
            children: [
              { index: true, element: <MonitorOverviewPage /> },
              { path: 'indicatoren/:key', handle: crumb((m) => m.monitorPages.crumbIndicator), element: <MonitorIndicatorPage /> },
              { path: 'gebieden/:areaCode', handle: crumb((m) => m.monitorPages.crumbArea), element: <MonitorAreaPage /> },
              {
                element: <RequireRole roles={MONITOR_IMPORT_ROLES} />,
                children: [{ path: 'import', handle: crumb((m) => m.monitorPages.crumbImport), element: <MonitorImportPage /> }],
              },
            ],
          },
          // The finder for professionals (issue 13 item 5): everyone logged in.
          { path: 'zorgpadzoeker', handle: crumb((m) => m.offerFinder.crumb), element: <OfferFinderPage /> },
          {
            // The coverage and funding overview (issue 13 item 7); the server decides per coalition.
            element: <RequireRole roles={COVERAGE_READERS} />,
            children: [{ path: 'dekking', handle: crumb((m) => m.offerCoverage.crumb), element: <OfferCoveragePage /> }],
          },
          {
            // Care pathways (issue 13 item 4): everyone logged in reads the published ones; the server sends
            // drafts only to the pathway's editors and says what each person may do.
            path: 'zorgpaden',
            handle: crumb((m) => m.pathways.crumb),
            children: [
              { index: true, element: <PathwayRegisterPage /> },
              // At an external provider's service: a printable contact card / warm hand-over letter (nothing stored).
              { path: 'contactkaart/:serviceId', handle: crumb((m) => m.pathwayServices.contactCard), element: <ContactCardPage /> },
              {
                path: ':scopeCode/:factorKey',
                handle: crumb((m) => m.pathways.detailCrumb),
                children: [
                  { index: true, element: <PathwayPage /> },
                  { path: 'concept', handle: crumb((m) => m.pathways.editorCrumb), element: <PathwayEditorPage /> },
                ],
              },
            ],
          },
          {
            // The coalition register: everyone logged in reads it; coordinators found coalitions (the server decides per coalition).
            path: 'coalities',
            handle: crumb((m) => m.coalitions.crumb),
            children: [
              { index: true, element: <CoalitionOverviewPage /> },
              // The agreements whose review date has passed (before ':code', which it would match too).
              { path: 'te-herzien', handle: crumb((m) => m.coalitionAgreements.toReviewTitle), element: <AgreementsToReviewPage /> },
              {
                element: <RequireRole roles={COALITION_FOUNDERS} />,
                children: [{ path: 'nieuw', handle: crumb((m) => m.coalitions.newCoalition), element: <NewCoalitionPage /> }],
              },
              {
                path: ':code',
                handle: crumb((m) => m.coalitions.detailsCrumb),
                children: [
                  { index: true, element: <CoalitionPage /> },
                  // Coalition partners and agreements (issue 10 items 2 and 3): every logged-in person reads them.
                  { path: 'partners', handle: crumb((m) => m.coalitionPartners.crumb), element: <CoalitionPartnersPage /> },
                  { path: 'afspraken', handle: crumb((m) => m.coalitionAgreements.crumb), element: <CoalitionAgreementsPage /> },
                  // The local offer (issue 13 item 3): everyone logged in reads it; the server decides who edits.
                  { path: 'aanbod', handle: crumb((m) => m.localOffer.crumb), element: <LocalOfferPage /> },
                  // What parents read on the public pages (issue 15 item 1): everyone logged in reads it; the server decides who edits.
                  { path: 'ouderinformatie', handle: crumb((m) => m.parentContent.crumb), element: <ParentContentPage /> },
                  // The plan of approach of a coalition (the server decides who reads drafts and who edits).
                  {
                    path: 'plan',
                    handle: crumb((m) => m.coalitionPlan.crumb),
                    children: [
                      { index: true, element: <CoalitionPlanPage /> },
                      { path: 'vergelijken', handle: crumb((m) => m.coalitionPlan.compareCrumb), element: <CoalitionPlanComparePage /> },
                      { path: 'versies/:version/afdrukken', handle: crumb((m) => m.coalitionPlan.printCrumb), element: <CoalitionPlanPrintPage /> },
                    ],
                  },
                  // Self-analysis (the server decides who may read or manage a coalition's rounds).
                  {
                    path: 'zelfanalyse',
                    handle: crumb((m) => m.analysis.crumb),
                    children: [
                      { index: true, element: <AnalysisRoundsPage /> },
                      {
                        path: ':roundId',
                        handle: crumb((m) => m.analysis.roundCrumb),
                        children: [
                          { index: true, element: <AnalysisRoundPage /> },
                          { path: 'rapport', handle: crumb((m) => m.analysis.reportCrumb), element: <AnalysisReportPage /> },
                        ],
                      },
                    ],
                  },
                ],
              },
            ],
          },
          {
            element: <RequireRole roles={CARE_ROLES} />,
            children: [
              {
                path: 'clienten',
                handle: crumb((m) => m.families.crumb),
                children: [
                  { index: true, element: <FamiliesPage /> },
                  { path: 'nieuw', handle: crumb((m) => m.families.registerCrumb), element: <RegisterFamilyPage /> },
                  { path: 'noodtoegang', handle: crumb((m) => m.families.emergencyCrumb), element: <EmergencyAccessPage /> },
                  {
                    path: ':familyId',
                    handle: crumb((m) => m.families.fileCrumb),
                    element: <FamilyLayout />,
                    children: [
                      { index: true, element: <FamilyOverviewPage /> },
                      { path: 'inzage', handle: crumb((m) => m.families.accessLogCrumb), element: <FamilyAccessLogPage /> },
                      {
                        path: 'screening',
                        handle: crumb((m) => m.screening.crumb),
                        children: [
                          { index: true, element: <ScreeningListPage /> },
                          { path: ':screeningId', handle: crumb((m) => m.screening.screeningCrumb), element: <ScreeningPage /> },
                        ],
                      },
                      { path: 'zorg', handle: crumb((m) => m.care.crumb), element: <CareSectionPage /> },
                      { path: 'verwijzingen', handle: crumb((m) => m.referrals.familySectionCrumb), element: <FamilyReferralsPage /> },
                      // chain: family file sections (one entry per section; keep this marker)
                    ],
                  },
                ],
              },
              { path: 'caseload', handle: crumb((m) => m.careCaseload.crumb), element: <CaseloadPage /> },
              {
                path: 'verwijzingen',
                handle: crumb((m) => m.referrals.crumb),
                children: [
                  { index: true, element: <ReferralInboxPage /> },
                  { path: 'aanmeldingen-ouders', handle: crumb((m) => m.selfRegistrations.title), element: <SelfRegistrationsPage /> },
                  { path: ':referralId', handle: crumb((m) => m.referrals.detailCrumb), element: <ReferralDetailPage /> },
                ],
              },
              // chain: professional pages (one entry per page; keep this marker)
            ],
          },
          {
            element: <RequireRole roles={['organisation_admin', 'platform_admin']} />,
            children: [{ path: 'beheer/noodtoegang', handle: crumb((m) => m.families.reviewCrumb), element: <EmergencyReviewPage /> }],
          },
          {
            element: <RequireRole roles={['coalition_coordinator', 'platform_admin']} />,
            children: [{ path: 'verwijzingen/te-laat', handle: crumb((m) => m.referrals.overdueTitle), element: <OverdueReferralsPage /> }],
          },
          // The yearly municipal questionnaire: the server decides who sees which municipality.
          {
            path: 'vragenlijst',
            handle: crumb((m) => m.mq.crumb),
            children: [
              { index: true, element: <QuestionnaireEditionsPage /> },
              {
                path: ':year',
                handle: crumb((m) => m.mq.columnYear),
                children: [
                  { index: true, element: <QuestionnaireResponsesPage /> },
                  { path: ':municipalityCode', handle: crumb((m) => m.mq.columnMunicipality), element: <QuestionnaireResponsePage /> },
                ],
              },
            ],
          },
          // chain: pages for other roles (keep this marker)
          {
            element: <RequireRole roles={ADMIN_ROLES} />,
            children: [
              { path: 'beheer/organisaties', handle: crumb((m) => m.admin.organisationsTitle), element: <OrganisationsPage /> },
              { path: 'beheer/medewerkers', handle: crumb((m) => m.admin.peopleTitle), element: <PeoplePage /> },
              { path: 'beheer/audit', handle: crumb((m) => m.auditPage.title), element: <AuditPage /> },
            ],
          },
          {
            element: <RequireRole roles={['platform_admin']} />,
            children: [
              { path: 'beheer/koppelingen', handle: crumb((m) => m.apiClients.crumb), element: <ApiClientsPage /> },
              { path: 'beheer/e-mail', handle: crumb((m) => m.mailAdmin.crumb), element: <MailAdminPage /> },
            ],
          },
          {
            element: <RequireRole roles={['organisation_admin']} />,
            children: [
              { path: 'beheer/meldingen', handle: crumb((m) => m.subscriptions.nav), element: <SubscriptionsPage /> },
              { path: 'beheer/inbox-meldingen', handle: crumb((m) => m.notifications.inboxTitle), element: <InboxSettingsPage /> },
            ],
          },
        ],
      },
      { path: '*', handle: crumb((m) => m.shell.notFoundTitle), element: <NotFoundPage /> },
    ],
  },
];
