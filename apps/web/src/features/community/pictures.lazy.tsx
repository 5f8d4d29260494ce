import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react';
import type * as Pictures from './Pictures';

/** Each picture from the Pictures chunk, loaded when a page first shows one (Plot and d3 stay out of the pages' own chunks). */
function lazyPicture<K extends keyof typeof Pictures>(name: K) {
  const Loaded = lazy(() => import('./Pictures').then((m) => ({ default: m[name] as ComponentType<ComponentProps<(typeof Pictures)[K]>> })));
  return function Picture(props: ComponentProps<(typeof Pictures)[K]>) {
    return (
      <Suspense fallback={null}>
        <Loaded {...props} />
      </Suspense>
    );
  };
}

export const EnglandPicture = lazyPicture('EnglandPicture');
export const ToolAdoptionPicture = lazyPicture('ToolAdoptionPicture');
export const CataloguePictures = lazyPicture('CataloguePictures');
export const BurnUpPicture = lazyPicture('BurnUpPicture');
export const IdeasPicture = lazyPicture('IdeasPicture');
