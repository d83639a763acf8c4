import type { MessagePosted } from '../../api-types.ts';
import { Notice } from '../../components/status.tsx';
import { Link } from '../../router.tsx';

export type NextSteps = NonNullable<MessagePosted['nextSteps']>;

/**
 * What happens next when a message invoked dispute or complaint rights ("I dispute this", "CFPB", "speak to a
 * supervisor"): the server's plain-language answer and one-step links (issue 4, item 5; UDAAP: no doom loop).
 */
export function NextStepsNotice({ steps }: { steps: NextSteps | null | undefined }) {
  if (!steps) return null;
  return (
    <Notice tone="info" title={steps.escalated ? 'A supervisor now has your case' : 'We noted what you asked for'}>
      <p>{steps.message}</p>
      {steps.actions.length ? (
        <ul className="link-list">
          {steps.actions.map((a) => (
            <li key={a.href}>
              <Link to={a.href}>{a.label}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}
