import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A lazily loaded component that can be fetched ahead of its first render. */
export interface Preloadable<P> {
  Component: LazyExoticComponent<ComponentType<P>>;
  /** Start fetching the chunk (idempotent). */
  preload: () => Promise<unknown>;
}

/**
 * Like `React.lazy`, with a `preload()`; once the chunk is loaded, the first render does not
 * suspend at all (React.lazy reads a thenable that resolves synchronously), so no fallback flashes
 * and React's Suspense throttling (about 300 ms) does not delay the page.
 */
export function preloadable<P>(factory: () => Promise<{ default: ComponentType<P> }>): Preloadable<P> {
  let loaded: { default: ComponentType<P> } | undefined;
  let pending: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () =>
    (pending ??= factory().then(
      (m) => (loaded = m),
      (e: unknown) => {
        pending = undefined;
        throw e;
      },
    ));
  const Component = lazy(() => {
    const done = loaded;
    if (done) {
      const now = { then: (resolve: (m: { default: ComponentType<P> }) => void) => resolve(done) };
      return now as unknown as Promise<{ default: ComponentType<P> }>;
    }
    return preload();
  });
  return { Component, preload };
}
