import { Link } from 'react-router-dom';

/** What a signed-out reader sees on a page that needs an account: "Sign in to <what>." */
export function SignInPrompt({ heading, what }: { heading?: string; what: string }) {
  const prompt = (
    <p className="govuk-body">
      <Link className="govuk-link" to="/sign-in">
        Sign in
      </Link>{' '}
      to {what}.
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
