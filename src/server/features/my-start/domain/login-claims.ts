// SPDX-License-Identifier: EUPL-1.2
// What a parent's ID token must carry before Kansrijk looks for their file: a BSN that passes the
// elfproef, and a level of assurance of at least 'substantieel'. Pure: the table test lists every case.
import type { ParentLoginRefusal } from '../../../../contracts/my-start.js';
import { isValidBsn, normaliseBsn } from '../../families/domain/bsn.js';
import { levelOf, meetsRequiredLevel, type Level } from './level-of-assurance.js';

export type ClaimCheck = { isAccepted: true; bsn: string; level: Level } | { isAccepted: false; reason: Exclude<ParentLoginRefusal, 'no_file' | 'provider'> };

export function checkParentClaims(claims: Record<string, unknown>, names: { bsnClaim: string; levelClaim: string }): ClaimCheck {
  const rawBsn = claims[names.bsnClaim];
  if (typeof rawBsn !== 'string' || rawBsn.trim() === '') return { isAccepted: false, reason: 'no_bsn' };
  const bsn = normaliseBsn(rawBsn.trim());
  if (!isValidBsn(bsn)) return { isAccepted: false, reason: 'invalid_bsn' };
  const level = levelOf(claims[names.levelClaim]);
  if (!meetsRequiredLevel(level)) return { isAccepted: false, reason: 'level_too_low' };
  return { isAccepted: true, bsn, level: level! };
}
