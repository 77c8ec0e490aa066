// SPDX-License-Identifier: EUPL-1.2
// Utrecht components that exist only inside the @utrecht/component-library-react bundle. That bundle
// cannot be tree-shaken (every component sets displayName at module level), so importing one of them
// pulls in all ~200 kB. These render the same markup and Utrecht CSS classes as the originals
// (component-library-react 14.0.1); the components with their own packages are imported from those.
import { forwardRef, type HTMLAttributes, type OptionHTMLAttributes, type SelectHTMLAttributes, type TableHTMLAttributes, type TdHTMLAttributes, type ThHTMLAttributes } from 'react';

const cx = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ');

export type AlertType = 'error' | 'ok' | 'info' | 'warning';

export const Alert = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement> & { type: AlertType }>(function Alert(
  { type, className, children, role, ...props },
  ref,
) {
  return (
    <div {...props} ref={ref} className={cx('utrecht-alert', `utrecht-alert--${type}`, className)}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message" role={role}>
          {children}
        </div>
      </div>
    </div>
  );
});

const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

export const Heading = forwardRef<HTMLHeadingElement, HTMLAttributes<HTMLHeadingElement> & { level: 1 | 2 | 3 | 4 | 5 | 6; appearance?: string }>(
  function Heading({ level, appearance, className, ...props }, ref) {
    const Tag = HEADING_TAGS[level - 1]!;
    return <Tag {...props} ref={ref} className={cx(appearance ?? `utrecht-heading-${level}`, className)} />;
  },
);

export const Paragraph = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement> & { appearance?: 'lead' | 'small' }>(
  function Paragraph({ appearance, className, children, ...props }, ref) {
    return (
      <p {...props} ref={ref} className={cx('utrecht-paragraph', appearance && `utrecht-paragraph--${appearance}`, className)}>
        {appearance === 'lead' ? <b className="utrecht-paragraph__b">{children}</b> : children}
      </p>
    );
  },
);

export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean }>(function Select(
  { invalid, className, ...props },
  ref,
) {
  return (
    <select
      {...props}
      ref={ref}
      aria-invalid={invalid || undefined}
      className={cx('utrecht-select', 'utrecht-select--html-select', invalid && 'utrecht-select--invalid', className)}
    />
  );
});

export function SelectOption({ className, ...props }: OptionHTMLAttributes<HTMLOptionElement>) {
  return <option {...props} className={cx('utrecht-select__option', className)} />;
}

export function Table({ className, ...props }: TableHTMLAttributes<HTMLTableElement>) {
  return <table {...props} className={cx('utrecht-table', 'utrecht-table--html-table', className)} />;
}
export function TableCaption({ className, ...props }: HTMLAttributes<HTMLTableCaptionElement>) {
  return <caption {...props} className={cx('utrecht-table__caption', className)} />;
}
export function TableHeader({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead {...props} className={cx('utrecht-table__header', className)} />;
}
export function TableBody({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody {...props} className={cx('utrecht-table__body', className)} />;
}
export function TableRow({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr {...props} className={cx('utrecht-table__row', className)} />;
}
export function TableHeaderCell({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th {...props} className={cx('utrecht-table__header-cell', className)} />;
}
export function TableCell({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td {...props} className={cx('utrecht-table__cell', className)} />;
}
