import { hotlineFor, useDirectory } from '../../components/directory.tsx';
import { Link } from '../../router.tsx';

export const REASSURANCE = 'We will never ask for your full card number, CVV, PIN or one-time codes.';

/** A person is one step away: the hotline for the product line (or the first one), with its hours. */
export function HumanPath({ productLine }: { productLine?: string | null | undefined }) {
  const directory = useDirectory();
  const hotline = hotlineFor(directory.data, productLine ?? undefined);
  return (
    <aside className="card human-path stack-sm" aria-labelledby="human-path">
      <h2 id="human-path" className="human-path__title">
        Prefer to talk to someone?
      </h2>
      {hotline ? (
        <p>
          Call {hotline.name} at{' '}
          <a href={`tel:${hotline.phone}`} className="phone-link phone-link--inline">
            {hotline.display}
          </a>
          , {hotline.hours.label.charAt(0).toLowerCase() + hotline.hours.label.slice(1)}. Have your case number ready.
        </p>
      ) : (
        <p>Call the number on the back of your card.</p>
      )}
      <p>
        <Link to="/contact">All phone numbers and addresses</Link>
      </p>
    </aside>
  );
}
