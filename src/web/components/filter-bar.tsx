// SPDX-License-Identifier: EUPL-1.2
// The search/filter form above a list: fields side by side, applied with one button.
import type { FormEvent, ReactNode } from 'react';
import { useMessages } from '../i18n/messages.js';
import { OptionalMarkContext } from './fields.js';
import { Button } from './ui.js';

export function FilterBar({ onApply, children, label }: { onApply(): void; children: ReactNode; label?: string }) {
  const { m } = useMessages();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply();
  };
  return (
    <form className="kr-filters" role="search" aria-label={label ?? m.shell.filters} onSubmit={submit} noValidate>
      <OptionalMarkContext.Provider value={false}>{children}</OptionalMarkContext.Provider>
      <div className="utrecht-button-group">
        <Button type="submit" variant="primary">
          {m.app.search}
        </Button>
      </div>
    </form>
  );
}
