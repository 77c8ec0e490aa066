// SPDX-License-Identifier: EUPL-1.2
// Choosing several municipalities (an organisation's service area): a filter box over all 342 checkboxes.
import { useState } from 'react';
import { referenceApi } from '../../api/endpoints.js';
import { CheckboxGroup, TextField } from '../../components/fields.js';
import { AsyncContent, useAsync } from '../../components/page.js';
import { Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';

export function MunicipalityPicker({
  id,
  selected,
  onSelectedChange,
  error,
  legend,
  description,
}: {
  id: string;
  selected: string[];
  onSelectedChange(codes: string[]): void;
  error?: string | undefined;
  /** Defaults to the service area's legend and description (organisations). */
  legend?: string;
  description?: string;
}) {
  const { m, formatCount } = useMessages();
  const municipalities = useAsync(() => referenceApi.municipalities({}), []);
  const [filter, setFilter] = useState('');
  return (
    <AsyncContent state={municipalities}>
      {(all) => {
        const needle = filter.trim().toLowerCase();
        // Chosen ones stay visible whatever the filter, so they can be unticked.
        const shown = all.filter(
          (municipality) =>
            selected.includes(municipality.code) ||
            needle === '' ||
            municipality.name.toLowerCase().includes(needle) ||
            municipality.code.toLowerCase().includes(needle),
        );
        const names = all.filter((municipality) => selected.includes(municipality.code)).map((municipality) => municipality.name);
        return (
          <div className="kr-municipality-picker">
            <TextField id={`${id}-filter`} label={m.admin.serviceAreaFilter} type="search" value={filter} onValueChange={setFilter} isOptional />
            <CheckboxGroup
              id={id}
              legend={legend ?? m.admin.serviceArea}
              description={description ?? m.admin.serviceAreaDescription}
              error={error}
              options={shown.map((municipality) => ({ value: municipality.code, label: `${municipality.name} (${municipality.code})` }))}
              selected={selected}
              onSelectedChange={onSelectedChange}
              isScrollable
            />
            <Paragraph role="status">
              {formatCount(selected.length, { one: m.admin.serviceAreaCountOne, many: m.admin.serviceAreaCountMany })}
              {names.length > 0 ? `: ${names.join(', ')}` : ''}
            </Paragraph>
          </div>
        );
      }}
    </AsyncContent>
  );
}
