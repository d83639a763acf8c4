import type { Priority, Sla, SlaClock } from '../api-types.ts';
import { Badge } from '../components/status.tsx';
import { currentSla, priorityBadge, slaState } from '../messages/case-labels.ts';

export function PriorityBadge({ priority }: { priority: Priority }) {
  const badge = priorityBadge(priority);
  return <Badge tone={badge.tone}>{badge.label}</Badge>;
}

function ClockText({ name, clock }: { name: string; clock: SlaClock }) {
  const state = slaState(clock);
  return (
    <span className="sla">
      {state.badge ? <Badge tone={state.badge.tone}>{state.badge.label}</Badge> : null}
      <span>
        {name}: {state.text}
      </span>
    </span>
  );
}

/** The clock that matters now, in words ("First response: 2 h 15 min left"), with a Breached / At risk badge. */
export function SlaSummary({ sla }: { sla: Sla }) {
  const line = currentSla(sla);
  if (!line) {
    const anyBreached = [sla.firstResponse, sla.nextResponse, sla.resolution].some((c) => c.breached);
    return <span className="sla">{anyBreached ? <Badge tone="danger">Breached earlier</Badge> : null} No clock running</span>;
  }
  return <ClockText name={line.name} clock={line.clock} />;
}

/** All three clocks, for the case page. */
export function SlaDetails({ sla }: { sla: Sla }) {
  const rows: Array<[string, SlaClock]> = [
    ['First response', sla.firstResponse],
    ['Next response', sla.nextResponse],
    ['Resolution', sla.resolution],
  ];
  return (
    <ul className="plain-list sla-list" aria-label={`Service levels (${sla.policy} policy)`}>
      {rows
        .filter(([, clock]) => clock.dueAt || clock.met || clock.breached)
        .map(([name, clock]) => (
          <li key={name}>
            <ClockText name={name} clock={clock} />
          </li>
        ))}
    </ul>
  );
}
