import { type ReactNode, useEffect, useRef } from 'react';
import { hasNavigated } from '../router.tsx';

/**
 * The page's one h1. It sets the document title and, after a client-side navigation, takes focus so that
 * keyboard and screen-reader users start at the top of the new page (the router itself announces nothing).
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Cardcare`;
  }, [title]);
  useEffect(() => {
    if (hasNavigated()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
