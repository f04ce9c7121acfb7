/**
 * The sign-off chain of a release and its go/no-go decision: technical, business and final sign-offs by the
 * holders of the release roles, each confirmed with the signer's password; sign-offs are invalidated when the
 * items they depend on change; "approved for go-live" is computed from the chain, the open required items, the
 * latest go/no-go decision and every {@link dev.safespeak.signoff.ApprovalGate}, never ticked by hand.
 */
package dev.safespeak.signoff;
