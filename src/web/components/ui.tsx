// SPDX-License-Identifier: EUPL-1.2
// Thin wrappers over the NL Design System (Utrecht) components: our defaults in one place, so pages
// never style components themselves.
import { forwardRef, type ComponentProps, type ReactNode } from 'react';
import { Link as RouterLink, type LinkProps as RouterLinkProps } from 'react-router';
// The per-component packages of the Utrecht library (what @utrecht/component-library-react 14.0.1
// re-exports), so that only what is used gets bundled.
import { Button as UtrechtButton } from '@utrecht/button-react';
import { ButtonGroup as UtrechtButtonGroup } from '@utrecht/button-group-react';
import { Alert as UtrechtAlert, Heading as UtrechtHeading, Paragraph as UtrechtParagraph } from './utrecht-html.js';

export { Checkbox } from '@utrecht/checkbox-react';
export { Fieldset, FieldsetLegend } from '@utrecht/fieldset-react';
export { FormField } from '@utrecht/form-field-react';
export { FormFieldDescription } from '@utrecht/form-field-description-react';
export { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
export { FormLabel } from '@utrecht/form-label-react';
export { Textbox } from '@utrecht/textbox-react';
export {
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from './utrecht-html.js';

type ButtonProps = ComponentProps<typeof UtrechtButton>;

/**
 * A button; `primary` for the one main action of a form, `subtle` for minor actions in tables.
 * `busy` (while its action runs): disabled with a spinner, once for every form and step. Disabled
 * by aria-disabled rather than the attribute, so the button keeps keyboard focus while it waits.
 */
export const Button = forwardRef<HTMLButtonElement, ButtonProps & { variant?: 'primary' | 'secondary' | 'subtle' }>(
  function Button({ variant = 'secondary', type = 'button', busy, children, onClick, ...props }, ref) {
    const appearance =
      variant === 'primary' ? 'primary-action-button' : variant === 'subtle' ? 'subtle-button' : 'secondary-action-button';
    return (
      <UtrechtButton
        {...props}
        ref={ref}
        type={type}
        appearance={appearance}
        busy={busy}
        aria-disabled={busy ? true : props['aria-disabled']}
        onClick={(event) => {
          // A second press while busy does nothing (also not submitting the form again).
          if (busy) return event.preventDefault();
          onClick?.(event);
        }}
      >
        {busy ? <span className="kr-spinner" aria-hidden="true" /> : null}
        {children}
      </UtrechtButton>
    );
  },
);

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <UtrechtButtonGroup>{children}</UtrechtButtonGroup>;
}

export const Heading = forwardRef<HTMLHeadingElement, ComponentProps<typeof UtrechtHeading>>(function Heading(props, ref) {
  return <UtrechtHeading ref={ref} {...props} />;
});

export function Paragraph(props: ComponentProps<typeof UtrechtParagraph>) {
  return <UtrechtParagraph {...props} />;
}

/**
 * A message box. Errors are announced at once (role alert); confirmations politely (role status).
 */
export const Alert = forwardRef<HTMLDivElement, { type: 'error' | 'ok' | 'info' | 'warning'; children: ReactNode } & Omit<ComponentProps<typeof UtrechtAlert>, 'type'>>(
  function Alert({ type, children, ...props }, ref) {
    return (
      <UtrechtAlert ref={ref} type={type} role={type === 'error' ? 'alert' : 'status'} {...props}>
        {children}
      </UtrechtAlert>
    );
  },
);

/** An in-app link (client-side navigation) with the Utrecht link style. */
export function Link({ className, ...props }: RouterLinkProps) {
  return <RouterLink className={['utrecht-link', 'utrecht-link--html-a', className].filter(Boolean).join(' ')} {...props} />;
}

/** A link to a page outside the single-page app (full page load, e.g. the OIDC login). */
export function ExternalLink({ className, ...props }: ComponentProps<'a'>) {
  return <a className={['utrecht-link', 'utrecht-link--html-a', className].filter(Boolean).join(' ')} {...props} />;
}

/** A link that looks like a button (for navigation that reads as an action). */
export function ButtonLink({ className, variant = 'primary', ...props }: RouterLinkProps & { variant?: 'primary' | 'secondary' }) {
  const classes = ['utrecht-button-link', 'utrecht-button-link--html-a', `utrecht-button-link--${variant}-action`, className];
  return <RouterLink className={classes.filter(Boolean).join(' ')} {...props} />;
}
