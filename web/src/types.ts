// The shapes the runtime APIs return, named for the pages that show them.
import type { Api } from './chain';

type Resolved<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;

/** What `GovernanceApi` returns. */
export interface GovernanceApi {
  Proposal: NonNullable<Resolved<Api['apis']['GovernanceApi']['proposal']>>;
}
