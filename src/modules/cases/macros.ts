import { recordAudit } from '../../platform/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { inUnit } from '../../platform/unit-of-work.ts';
import type { CaseDeps, RequestMeta } from './case-deps.ts';
import { findCase } from './cases.repo.ts';

/** Placeholders a macro may use; anything else is refused when the macro is saved. */
export const MACRO_PLACEHOLDERS = ['customer.firstName', 'customer.lastName', 'case.number', 'case.subject', 'agent.name', 'agent.code', 'issuer.name'] as const;
const PLACEHOLDER = /\{\{\s*([a-zA-Z.]+)\s*\}\}/g;

export function unknownPlaceholders(body: string): string[] {
  return [...body.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((p) => !(MACRO_PLACEHOLDERS as readonly string[]).includes(p));
}

export function fillPlaceholders(body: string, values: Record<(typeof MACRO_PLACEHOLDERS)[number], string>): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => (name in values ? values[name as keyof typeof values] : whole));
}

export async function listMacros(deps: CaseDeps) {
  const rows = await deps.db.selectFrom('macros').select(['id', 'title', 'body']).orderBy('title').execute();
  return { items: rows };
}

export async function createMacro(deps: CaseDeps, actor: StaffActor, input: { title: string; body: string }, meta: RequestMeta) {
  const unknown = unknownPlaceholders(input.body);
  if (unknown.length > 0) {
    throw new AppError('validation_failed', `Unknown placeholder ${unknown.map((u) => `{{${u}}}`).join(', ')}; use ${MACRO_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`, {
      errors: [{ field: 'body', message: 'has an unknown placeholder' }],
    });
  }
  const id = newId('mac');
  const now = deps.clock.now();
  await inUnit(deps.db, async ({ tx }) => {
    await tx.insertInto('macros').values({ id, title: input.title, body: input.body, created_by: actor.userId, created_at: now, updated_at: now }).execute();
    await recordAudit(tx, { action: 'macro.create', actorId: actor.userId, actorRole: actor.role, targetType: 'macro', targetId: id, requestId: meta.requestId, ip: meta.ip, at: now });
  });
  return { id, title: input.title, body: input.body };
}

/** The macro with the case's values filled in, for the agent to edit before sending. */
export async function renderMacro(deps: CaseDeps, actor: StaffActor, macroId: string, caseId: string) {
  const macro = await deps.db.selectFrom('macros').select(['body']).where('id', '=', macroId).executeTakeFirst();
  if (!macro) throw notFound('Macro');
  const row = await findCase(deps.db, caseId, null);
  if (!row) throw notFound('Case');
  const customer = await deps.db.selectFrom('customers').select(['first_name', 'last_name']).where('id', '=', row.customer_id).executeTakeFirstOrThrow();
  return {
    body: fillPlaceholders(macro.body, {
      'customer.firstName': customer.first_name,
      'customer.lastName': customer.last_name,
      'case.number': row.number,
      'case.subject': row.subject,
      'agent.name': actor.displayName,
      'agent.code': actor.agentCode,
      'issuer.name': deps.profile.issuer.name,
    }),
  };
}
