import { ButtonLink } from '../components/button.tsx';
import { PageHeading } from '../components/page.tsx';

export function NotFoundPage() {
  return (
    <div className="stack">
      <PageHeading title="Page not found">We can’t find that page</PageHeading>
      <p>The address may be mistyped, or the page may have moved.</p>
      <div className="actions">
        <ButtonLink to="/" variant="primary">
          Go to your accounts
        </ButtonLink>
        <ButtonLink to="/contact">Contact us</ButtonLink>
      </div>
    </div>
  );
}
