import { useId, type FormEvent } from 'react';
import './search.css';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';

/** The header's search box: leads to /search?q=… (and works without script, as a GET form). */
export function SearchBox() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const id = useId();
  const current = pathname === '/search' ? (params.get('q') ?? '') : '';

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    if (q) navigate(`/search?${new URLSearchParams({ q })}`);
  }

  return (
    <form className="app-header-search" role="search" aria-label="Site" action="/search" method="get" onSubmit={onSubmit}>
      <label className="govuk-visually-hidden" htmlFor={id}>
        Search tools, initiatives and discussions
      </label>
      <input className="govuk-input app-header-search__input" id={id} name="q" type="search" maxLength={200} defaultValue={current} key={current} placeholder="Search" />
      <button type="submit" className="govuk-button govuk-button--secondary app-header-search__button">
        Search
      </button>
    </form>
  );
}
