import { buildTestApp, type TestApp } from '../../../test/helpers.ts';

/**
 * buildTestApp (test/helpers.ts) with a capture of the one-time link tokens the notifier would deliver: buildApp
 * passes `onFraudLinkIssued` on to the fraud routes.
 */
export async function buildFraudTestApp(): Promise<TestApp & { links: Map<string, string> }> {
  const links = new Map<string, string>();
  const t = await buildTestApp({ deps: { onFraudLinkIssued: (id: string, token: string) => void links.set(id, token) } });
  return { ...t, links };
}
