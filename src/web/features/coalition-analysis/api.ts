// SPDX-License-Identifier: EUPL-1.2
// The self-analysis pages' calls to the API.
import { apiJson } from '../../api/client.js';
import type {
  AnalysisForm,
  AnalysisReport,
  AnonymityMode,
  CandidateList,
  ImprovementActionRequest,
  InviteRespondentRequest,
  InviteResult,
  MyInvitationList,
  OpenRoundRequest,
  RoundDetail,
  RoundList,
  SaveAnswersRequest,
  SaveAnswersResult,
} from '../../../contracts/coalition-analysis.js';

export type { AnalysisForm, AnalysisReport, AnonymityMode, RoundDetail, RoundList };

const rounds = (code: string) => `/coalitions/${encodeURIComponent(code)}/analysis-rounds`;

export const analysisApi = {
  listRounds: (code: string) => apiJson<RoundList>('GET', rounds(code)),
  openRound: (code: string, body: OpenRoundRequest) => apiJson<{ id: string }>('POST', rounds(code), { body }),
  getRound: (code: string, roundId: string) => apiJson<RoundDetail>('GET', `${rounds(code)}/${roundId}`),
  candidates: (code: string, roundId: string) => apiJson<CandidateList>('GET', `${rounds(code)}/${roundId}/candidates`),
  invite: (code: string, roundId: string, body: InviteRespondentRequest) => apiJson<InviteResult>('POST', `${rounds(code)}/${roundId}/respondents`, { body }),
  close: (code: string, roundId: string) => apiJson<{ id: string }>('POST', `${rounds(code)}/${roundId}/closure`),
  report: (code: string, roundId: string) => apiJson<AnalysisReport>('GET', `${rounds(code)}/${roundId}/report`),
  myInvitations: () => apiJson<MyInvitationList>('GET', '/analysis-invitations'),
  ownForm: (respondentId: string) => apiJson<AnalysisForm>('GET', `/analysis-invitations/${respondentId}`),
  saveOwn: (respondentId: string, body: SaveAnswersRequest) => apiJson<SaveAnswersResult>('PUT', `/analysis-invitations/${respondentId}/answers`, { body }),
  linkForm: (token: string) => apiJson<AnalysisForm>('GET', `/analysis-links/${encodeURIComponent(token)}`),
  saveLink: (token: string, body: SaveAnswersRequest) => apiJson<SaveAnswersResult>('PUT', `/analysis-links/${encodeURIComponent(token)}/answers`, { body }),
  /** The plan part's endpoint (briefing contract): 201 new, 200 the existing action for the same origin. */
  improve: (code: string, body: ImprovementActionRequest) => apiJson<{ id: string }>('POST', `/coalitions/${encodeURIComponent(code)}/improvement-actions`, { body }),
};
