/**
 * An organisation as the person declared it: "unverified" unless their membership is somebody's word (a
 * confirmed address on one of its domains, or its single sign-on). Shown wherever an organisation is.
 */
export function OrganisationBadge({ name, verified }: { name: string; verified: boolean }) {
  return (
    <span className="app-organisation" data-testid="organisation">
      {name}{' '}
      {verified ? (
        <strong className="govuk-tag govuk-tag--green" title="A confirmed email address on this organisation's domain, or its single sign-on">
          verified
        </strong>
      ) : (
        <strong className="govuk-tag govuk-tag--grey" title="Self-declared: not confirmed by an email address on this organisation's domain">
          unverified
        </strong>
      )}
    </span>
  );
}

/** The tag a local-authority-only tool carries. */
export function LocalAuthorityOnlyTag() {
  return (
    <strong className="govuk-tag govuk-tag--purple" style={{ maxWidth: 'none' }}>
      Local authority staff only
    </strong>
  );
}
