import { getContext, setContext } from 'svelte';

/** The app's steps, in order; each is one view reached by the hash `#/<id>`. */
export const STEP_IDS = ['data', 'contract', 'train', 'evaluate', 'export', 'monitor'] as const;
export type StepId = (typeof STEP_IDS)[number];

/** Reads the step from a location hash (`#/train`, `#train`); null when it names no step. */
export function stepFromHash(hash: string): StepId | null {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  // The contract step's section was called "setup" before the step views; old links keep working.
  const named = id === 'setup' ? 'contract' : id;
  return (STEP_IDS as readonly string[]).includes(named) ? (named as StepId) : null;
}

/**
 * The current step, kept in the URL hash so deep links, reloads and Back/Forward all work.
 * `go` pushes a history entry (Back returns to the previous step); the browser's hashchange drives `step`.
 */
export class StepRouter {
  step = $state<StepId>('data');

  constructor(private readonly win: Window = window) {
    this.step = stepFromHash(win.location.hash) ?? 'data';
    win.addEventListener('hashchange', () => {
      // Back to the entry with no hash (the page as first opened) is the first step again.
      const hash = win.location.hash;
      const next = hash === '' || hash === '#' ? 'data' : stepFromHash(hash);
      if (next) this.step = next;
    });
  }

  /** Shows `step`, adding one history entry (none when it is already shown). */
  go(step: StepId): void {
    if (step === this.step && stepFromHash(this.win.location.hash) === step) return;
    this.win.location.hash = `#/${step}`;
    this.step = step;
  }
}

const ROUTER_KEY = Symbol('step-router');

/** Shares the page's one router with every component below App (the nav, the "Next:" lines, the lesson). */
export function provideStepRouter(router: StepRouter): StepRouter {
  return setContext(ROUTER_KEY, router);
}

export function useStepRouter(): StepRouter {
  return getContext<StepRouter>(ROUTER_KEY);
}
