import type { IssuerProfile } from '../modules/directory/index.ts';
import { seedBankingDemo } from '../modules/banking/index.ts';
import { seedHelpArticles } from '../modules/help-center/index.ts';
import { plantRewardsDemo } from '../modules/rewards/index.ts';
import { SCAM_CHECK_ARTICLE_PATH } from '../modules/scam-check/index.ts';
import { recordAudit } from '../platform/audit.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import type { Db } from '../platform/db.ts';
import { newId } from '../platform/ids.ts';
import '../platform/auth/auth.tables.ts';

export const DEMO_PASSWORD = 'cardcare-demo';
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP'; // base32; the demo staff's authenticator secret
export const DEMO_SEED = 20261126;

export const DEMO_STAFF = [
  { email: 'agent@example.com', role: 'agent', displayName: 'Jordan Lee', agentCode: 'AGT-1042', skills: ['personal', 'platinum', 'rewards', 'prepaid', 'gift_card'] },
  { email: 'agent2@example.com', role: 'agent', displayName: 'Priya Raman', agentCode: 'AGT-1077', skills: ['personal', 'small_business', 'corporate', 'merchant_services', 'savings'] },
  { email: 'supervisor@example.com', role: 'supervisor', displayName: 'Morgan Ortiz', agentCode: 'SUP-2001', skills: [] },
  { email: 'compliance@example.com', role: 'compliance', displayName: 'Sam Whitfield', agentCode: 'CMP-3001', skills: [] },
  { email: 'admin@example.com', role: 'admin', displayName: 'Alex Kim', agentCode: 'ADM-4001', skills: [] },
] as const;

export const DEMO_MACROS = [
  {
    title: 'Investigating a charge',
    body: 'Hello {{customer.firstName}},\n\nThank you for telling us about this charge. We have opened an investigation under case {{case.number}} and will write to you here as soon as we know more. You do not need to do anything else for now.\n\n{{agent.name}} ({{agent.code}}), {{issuer.name}}',
  },
  {
    title: 'Card replaced after fraud',
    body: 'Hello {{customer.firstName}},\n\nWe have blocked your card and ordered a replacement; it should arrive within 5 business days. Charges you did not make will not be your responsibility. Case {{case.number}}.\n\n{{agent.name}} ({{agent.code}})',
  },
  {
    title: 'Never share codes',
    body: 'Hello {{customer.firstName}},\n\nPlease remember: we will never ask you for your full card number, security code, PIN or one-time codes. If someone does, it is not us.\n\n{{agent.name}} ({{agent.code}})',
  },
] as const;

export const DEMO_CARDHOLDERS = ['cardholder@example.com', 'cardholder2@example.com'] as const;

export type DemoSummary = { customers: number; accounts: number; transactions: number; primaryCustomerId: string; secondaryCustomerId: string };

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

/**
 * Builds the demo issuer in one transaction: the ledger (deterministic for a given seed and date) and the
 * demo sign-ins. Every other cardholder of the ledger can sign in too, with the demo password.
 */
export async function seedDemo(db: Db, options: { asOf: Date; profile: IssuerProfile; seed?: number }): Promise<DemoSummary> {
  const passwordHash = await hashPassword(DEMO_PASSWORD); // one hash shared by demo users: seeding stays fast
  return db.transaction().execute(async (tx) => {
    const banking = await seedBankingDemo(tx, { asOf: options.asOf, seed: options.seed ?? DEMO_SEED, profile: options.profile });
    await seedHelpArticles(tx, { profile: options.profile, now: options.asOf, extraFiles: [SCAM_CHECK_ARTICLE_PATH] });
    await plantRewardsDemo(tx, options.profile); // one processor posting that disagrees with the earn rules
    // The demo cardholders' contact e-mail is their sign-in, so staff find them by the address in the README.
    for (const [customerId, email] of [
      [banking.primaryCustomerId, DEMO_CARDHOLDERS[0]],
      [banking.secondaryCustomerId, DEMO_CARDHOLDERS[1]],
    ] as const) {
      await tx.updateTable('customers').set({ email }).where('id', '=', customerId).execute();
    }
    const customers = await tx.selectFrom('customers').select(['id', 'email', 'first_name', 'last_name']).orderBy('id').execute();
    const emailFor = new Map<string, string>([
      [banking.primaryCustomerId, DEMO_CARDHOLDERS[0]],
      [banking.secondaryCustomerId, DEMO_CARDHOLDERS[1]],
    ]);
    const users = customers.map((c) => ({
      id: newId('usr'),
      email: emailFor.get(c.id) ?? c.email,
      password_hash: passwordHash,
      role: 'cardholder' as const,
      customer_id: c.id,
      display_name: `${c.first_name} ${c.last_name}`,
      created_at: options.asOf,
    }));
    for (let i = 0; i < users.length; i += 500) await tx.insertInto('users').values(users.slice(i, i + 500)).execute();
    await tx
      .insertInto('users')
      .values(
        DEMO_STAFF.map((s) => ({
          id: newId('usr'),
          email: s.email,
          password_hash: passwordHash,
          role: s.role,
          display_name: s.displayName,
          agent_code: s.agentCode,
          totp_secret: DEMO_TOTP_SECRET,
          skills: [...s.skills],
          created_at: options.asOf,
        })),
      )
      .execute();
    await tx
      .insertInto('macros')
      .values(
        DEMO_MACROS.map((m, i) => ({ id: newId('mac'), title: m.title, body: m.body, created_by: null, created_at: new Date(options.asOf.getTime() + i), updated_at: options.asOf })),
      )
      .execute();
    await recordAudit(tx, {
      action: 'demo.seed',
      actorId: null,
      actorRole: 'system',
      targetType: 'database',
      targetId: null,
      at: options.asOf,
      detail: { customers: banking.customers, accounts: banking.accounts, transactions: banking.transactions },
    });
    return banking;
  });
}
