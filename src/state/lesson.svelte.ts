import { LESSON_STEPS, type LessonStep } from './lesson-steps.ts';

/** The URL query parameter that holds the lesson's step, 1-based (`?lesson=3`). */
export const LESSON_PARAM = 'lesson';

/** The lesson step (1-based) a URL's query asks for, or null when it names none or one out of 1..count. */
export function lessonStepFromSearch(search: string, count: number): number | null {
  const raw = new URLSearchParams(search).get(LESSON_PARAM);
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= count ? n : null;
}

/** `href` with the lesson parameter set to `step` (1-based), or removed when `step` is null; the hash is kept. */
export function withLessonParam(href: string, step: number | null): string {
  const url = new URL(href);
  if (step === null) url.searchParams.delete(LESSON_PARAM);
  else url.searchParams.set(LESSON_PARAM, String(step));
  return url.toString();
}

/** Where the lesson keeps its progress: the page URL (replaced in place, so the lesson adds no history entries). */
export interface LessonUrl {
  read(): string;
  replace(href: string): void;
}

const pageUrl: LessonUrl = {
  read: () => location.href,
  replace: (href) => history.replaceState(history.state, '', href),
};

/**
 * The "Learn thresholds" lesson: which step is open (none when closed), kept in the URL's `lesson` parameter so a
 * teacher can share a link to one step. Opening or moving goes to the step's view through `go`.
 */
export class Lesson {
  #index = $state<number | null>(null);
  readonly steps: readonly LessonStep[];
  readonly #url: LessonUrl;
  readonly #go: (step: LessonStep) => void;

  constructor(go: (step: LessonStep) => void, url: LessonUrl = pageUrl, steps: readonly LessonStep[] = LESSON_STEPS) {
    this.#go = go;
    this.#url = url;
    this.steps = steps;
  }

  get open(): boolean { return this.#index !== null; }
  /** The open step, or null. */
  get step(): LessonStep | null { return this.#index === null ? null : this.steps[this.#index]; }
  /** The open step's number, 1-based; 0 when closed. */
  get number(): number { return this.#index === null ? 0 : this.#index + 1; }
  get isFirst(): boolean { return this.#index === 0; }
  get isLast(): boolean { return this.#index === this.steps.length - 1; }

  /** Opens the step the URL names (`?lesson=3`), if any; returns whether it did. */
  resumeFromUrl(): boolean {
    const n = lessonStepFromSearch(new URL(this.#url.read()).search, this.steps.length);
    if (n !== null) this.show(n);
    return n !== null;
  }

  /** Opens step `n` (1-based, clamped to the lesson). */
  show(n: number): void {
    const index = Math.max(0, Math.min(this.steps.length - 1, Math.round(n) - 1));
    this.#index = index;
    this.#go(this.steps[index]);
    this.#url.replace(withLessonParam(this.#url.read(), index + 1));
  }

  next(): void {
    if (this.#index === null) return;
    if (this.isLast) this.leave();
    else this.show(this.#index + 2);
  }

  back(): void {
    if (this.#index !== null && this.#index > 0) this.show(this.#index);
  }

  /** Closes the lesson and drops its URL parameter; nothing of the user's work changes. */
  leave(): void {
    this.#index = null;
    this.#url.replace(withLessonParam(this.#url.read(), null));
  }
}
