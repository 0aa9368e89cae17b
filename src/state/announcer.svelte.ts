/**
 * One polite live region for the whole page (rendered once by App): loads, runs and scoring jobs announce their end
 * here, so a screen reader hears it whichever step is on screen.
 */
class Announcer {
  message = $state('');
  #timer: ReturnType<typeof setTimeout> | undefined;

  say(text: string): void {
    // Cleared first and set a moment later, so the same sentence twice is still read out twice.
    this.message = '';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => { this.message = text; }, 50);
  }
}

/** The page's shared announcer; App renders its `message` in an `aria-live="polite"` region. */
export const announcer = new Announcer();

/** Reads `text` out politely once (e.g. "Loaded titanic.csv: 1,309 rows × 14 columns"); safe to call from any state class. */
export function announce(text: string): void {
  announcer.say(text);
}
