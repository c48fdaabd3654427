import { describe, expect, it } from 'vitest';
import { AsyncLocalStorage, releasePromptStorage } from '../../src/ui/prompt-async-hooks.js';

/**
 * The AsyncLocalStorage the bundle gives the prompt library (scripts/build.mjs): after a menu,
 * `releasePromptStorage()` disables it, which turns Node's promise hooks off when nothing
 * else uses them; the next menu's `run()` turns it on again. (test/e2e/startup.test.ts checks
 * that the bundle's @inquirer/core gets it.)
 */
describe('the prompt library’s AsyncLocalStorage', () => {
  it('is disabled by releasePromptStorage, and runs again afterwards', async () => {
    const storage = new AsyncLocalStorage<string>();
    const other = new AsyncLocalStorage<string>(); // another instance of the library's
    const seen: Array<string | undefined> = [];
    let resume!: () => void;
    const later = new Promise<void>((resolve) => (resume = resolve));
    const running = storage.run('menu', async () => {
      seen.push(storage.getStore());
      await later; // continues in the context run() made
      seen.push(storage.getStore());
    });
    other.run('other', () => seen.push(other.getStore()));
    releasePromptStorage();
    resume();
    await running;
    expect(seen).toEqual(['menu', 'other', undefined]); // disabled: no store after the release
    expect(storage.run('next menu', () => storage.getStore())).toBe('next menu');
    releasePromptStorage();
  });
});
