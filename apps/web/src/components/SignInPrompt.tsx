import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useSignInHref } from '../returnTo';

/** A "Sign in" link that brings the person back to this page once they have signed in. */
export function SignInLink({ className = 'govuk-link', children = 'Sign in' }: { className?: string; children?: ReactNode }) {
  return (
    <Link className={className} to={useSignInHref()}>
      {children}
    </Link>
  );
}

/** What a signed-out reader sees on a page that needs an account: "Sign in to <what>." */
export function SignInPrompt({ heading, what }: { heading?: string; what: string }) {
  const prompt = (
    <p className="govuk-body">
      <SignInLink /> to {what}.
    </p>
  );
  if (!heading) return prompt;
  return (
    <>
      <h1 className="govuk-heading-l">{heading}</h1>
      {prompt}
    </>
  );
}
