import { type FormEvent, useEffect, useState } from 'react';
import { type ApiError, api } from '../api-client.ts';
import type { Priority, StaffCaseDetail, StaffCaseSummary } from '../api-types.ts';
import { Button } from '../components/button.tsx';
import { ErrorAlert } from '../components/status.tsx';
import { asApiError } from '../components/use-resource.ts';
import { PRIORITIES } from '../messages/case-labels.ts';
import { useSession } from '../session.tsx';
import { MergeForm } from './merge-form.tsx';

/** State moves, in the order an agent meets them; only those in allowedActions are offered. */
const MOVES: Array<{ action: string; label: string; aliases: string[] }> = [
  { action: 'start', label: 'Start working', aliases: ['start_work'] },
  { action: 'await-customer', label: 'Wait for the cardholder', aliases: ['await_customer'] },
  { action: 'await-internal', label: 'Wait on another team', aliases: ['await_internal'] },
  { action: 'resolve', label: 'Mark resolved', aliases: [] },
  { action: 'reopen', label: 'Reopen', aliases: [] },
  { action: 'close', label: 'Close the case', aliases: [] },
];

export function allowedMoves(allowed: string[]): typeof MOVES {
  const set = new Set(allowed);
  return MOVES.filter((m) => set.has(m.action) || m.aliases.some((a) => set.has(a)));
}

type ActionsProps = { detail: StaffCaseDetail; onChanged: (summary?: StaffCaseSummary) => void };

/** Status buttons, assignment and priority: each a POST that answers the updated case. */
export function CaseActions({ detail, onChanged }: ActionsProps) {
  const { state } = useSession();
  const me = state.status === 'signed-in' ? state.user : null;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState('');
  const [priority, setPriority] = useState<Priority>(detail.priority);
  useEffect(() => setPriority(detail.priority), [detail.priority]);
  const base = `/api/v1/cases/${encodeURIComponent(detail.id)}`;

  const run = async (key: string, path: string, body: unknown, doneText: string) => {
    if (busy) return;
    setBusy(key);
    setError(undefined);
    setDone('');
    try {
      const summary = await api<StaffCaseSummary | undefined>(`${base}/${path}`, { method: 'POST', body });
      setDone(doneText);
      onChanged(summary ?? undefined);
    } catch (caught) {
      setError(asApiError(caught));
      onChanged();
    } finally {
      setBusy(null);
    }
  };

  const changePriority = (event: FormEvent) => {
    event.preventDefault();
    if (priority !== detail.priority) void run('priority', 'priority', { priority }, `Priority changed to ${priority}.`);
  };

  const isMine = me !== null && detail.assigneeId === me.id;
  const moves = allowedMoves(detail.allowedActions);
  return (
    <section className="card stack" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      <div className="actions" role="group" aria-label="Change status">
        {moves.map((m) => (
          <Button key={m.action} variant="secondary" aria-disabled={busy !== null || undefined} onClick={() => void run(m.action, m.action, {}, `Done: ${m.label.toLowerCase()}.`)}>
            {busy === m.action ? 'Working…' : m.label}
          </Button>
        ))}
        {moves.length === 0 ? <p className="muted">No status change is possible now.</p> : null}
      </div>
      <div className="actions" role="group" aria-label="Assignment">
        {!isMine ? (
          <Button variant="secondary" onClick={() => void run('assign', 'assign', { assigneeId: 'me' }, 'The case is assigned to you.')}>
            Assign to me
          </Button>
        ) : null}
        {detail.assigneeId !== null ? (
          <Button variant="secondary" onClick={() => void run('unassign', 'assign', { assigneeId: null }, 'The case is unassigned.')}>
            Unassign
          </Button>
        ) : null}
      </div>
      <form className="inline-form" onSubmit={changePriority} aria-label="Priority">
        <div className="field">
          <label className="field__label" htmlFor="case-priority">Priority</label>
          <select id="case-priority" className="field__input" value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
            {PRIORITIES.map((p) => <option key={p} value={p}>{p.charAt(0).toUpperCase() + p.slice(1)}</option>)}
          </select>
        </div>
        <Button type="submit" variant="secondary">Change priority</Button>
      </form>
      <MergeForm detail={detail} onMerged={() => { setDone('The case was merged.'); onChanged(); }} />
      <p role="status" className="muted small">{done}</p>
      {error ? <ErrorAlert error={error} title="That didn’t work." /> : null}
    </section>
  );
}
