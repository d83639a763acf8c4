import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link } from '../router.tsx';

type Variant = 'primary' | 'secondary' | 'link';

export function Button({ variant = 'primary', className, type = 'button', ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={['button', `button--${variant}`, className].filter(Boolean).join(' ')} {...rest} />;
}

/** A link that looks like a button (navigation stays a link for assistive technology). */
export function ButtonLink({ to, variant = 'secondary', label, children }: { to: string; variant?: Variant; label?: string; children: ReactNode }) {
  return (
    <Link to={to} className={`button button--${variant}`} aria-label={label}>
      {children}
    </Link>
  );
}
