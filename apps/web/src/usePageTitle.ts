import { useEffect } from 'react';

export const SERVICE_NAME = 'Data Tools Commons';

/** Sets document.title the GOV.UK way: "Error: " first when the page shows errors, service name last. */
export function usePageTitle(title: string, hasErrors = false) {
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title ? `${title} – ` : ''}${SERVICE_NAME}`;
  }, [title, hasErrors]);
}
