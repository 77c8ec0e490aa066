// SPDX-License-Identifier: EUPL-1.2
// The marks a pathway's service from the directory carries wherever it is shown (the pathway page, the
// editor's preview, the factor profile): "niet recent gecontroleerd" after six months without
// confirmation, and "niet meer actief".
import type { CarePathway } from '../../../contracts/pathways.js';
import { useMessages } from '../../i18n/messages.js';

type PathwayService = { directory?: Pick<NonNullable<CarePathway['steps'][number]['services'][number]['directory']>, 'isActive' | 'notRecentlyChecked'> | undefined };

/** "niet recent gecontroleerd" (six months without confirmation) and "niet meer actief", as everywhere a service is shown. */
export function ServiceMarks({ service }: { service: PathwayService }) {
  const { m } = useMessages();
  if (!service.directory) return null;
  return (
    <>
      {service.directory.notRecentlyChecked ? <> <strong className="kr-service-mark">({m.pathwayServices.notRecentlyChecked})</strong></> : null}
      {!service.directory.isActive ? <> <strong className="kr-service-mark">({m.pathwayServices.inactive})</strong></> : null}
    </>
  );
}

