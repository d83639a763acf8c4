import type { CaseDeps } from '../cases/index.ts';
import type { ComplaintPolicy } from './complaint-policy.ts';

export type ComplaintDeps = { cases: CaseDeps; policy: ComplaintPolicy; timeZone: string };
export type RequestMeta = { requestId: string; ip: string | null };
