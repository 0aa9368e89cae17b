import { stepFromHash, type StepId } from '../../state/step-router.svelte.ts';

/** What the lesson needs of the step router: showing one step view. */
export interface StepGo {
  go(step: StepId): void;
}

/**
 * The step router the lesson drives. Until the step views provide theirs through context, a stand-in that moves the
 * hash exactly as `StepRouter.go` does (one history entry, none when the step is already shown); swap this body for
 * `useStepRouter()` then. Call during component initialisation, like any context getter.
 */
export function useLessonRouter(): StepGo {
  return {
    go(step) {
      if (stepFromHash(location.hash) !== step) location.hash = `#/${step}`;
    },
  };
}
