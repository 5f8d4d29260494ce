import { useEffect, useRef } from 'react';

/**
 * An Observable Plot figure in React: `build` returns the SVG (or figure) Plot made, replaced whenever
 * `deps` change. The picture is for sighted readers; each chart's caller puts the same data in a table.
 */
export function Chart({ build, label, deps }: { build: () => SVGSVGElement | HTMLElement; label: string; deps: unknown[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const figure = build();
    // The picture is one image to assistive technology; Plot's labels on its inner groups are not allowed there.
    figure.querySelectorAll('[aria-label], [aria-description]').forEach((el) => (el.removeAttribute('aria-label'), el.removeAttribute('aria-description')));
    figure.setAttribute('role', 'img');
    figure.setAttribute('aria-label', label);
    ref.current?.replaceChildren(figure);
    return () => figure.remove();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return <div ref={ref} className="app-chart" />;
}
