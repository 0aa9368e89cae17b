import type { StepId } from '../../state/step-router.svelte.ts';
import { useStepRouter } from '../../state/step-router.svelte.ts';

/** What the lesson needs of the step router: showing one step view. */
export interface StepGo {
  go(step: StepId): void;
}

/** The app's step router, seen through the one method the lesson drives. Call during component initialisation. */
export function useLessonRouter(): StepGo {
  return useStepRouter();
}
