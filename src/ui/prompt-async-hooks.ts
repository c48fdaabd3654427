import { AsyncLocalStorage } from 'node:async_hooks';

export { AsyncResource } from 'node:async_hooks';

/**
 * `node:async_hooks` as the prompt library (@inquirer/core) sees it in the bundle
 * (scripts/build.mjs points its import here): the same AsyncLocalStorage, but each instance
 * is remembered, so that `releasePromptStorage()` can disable it once a menu is over.
 *
 * Why: an AsyncLocalStorage that has run once turns on Node's promise hooks for the rest of
 * the process (every promise then pays for an init hook), and @inquirer/core runs one for
 * each prompt. Disabled, it turns them off again; the next menu's `run()` turns them on for
 * its own time. Outside the bundle (tsc output, tests) nothing is remembered and the call
 * does nothing.
 */
const instances = new Set<AsyncLocalStorage<unknown>>();

class RememberedAsyncLocalStorage<T> extends AsyncLocalStorage<T> {
  constructor() {
    super();
    instances.add(this);
  }
}

export { RememberedAsyncLocalStorage as AsyncLocalStorage };

/** Disables the prompt library's AsyncLocalStorage: call it when no prompt of the library is showing. */
export function releasePromptStorage(): void {
  for (const storage of instances) storage.disable();
}
