import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { watchWidth } from './watch-width.ts';

// A hand-driven ResizeObserver and animation-frame queue: the test decides when boxes resize and frames run.
let observers: FakeObserver[] = [];
let frames = new Map<number, () => void>();
let nextFrame = 1;

class FakeObserver {
  observed: Element[] = [];
  disconnected = false;
  constructor(readonly callback: (entries: { contentRect: { width: number } }[]) => void) { observers.push(this); }
  observe(element: Element): void { this.observed.push(element); }
  disconnect(): void { this.disconnected = true; }
  resize(...widths: number[]): void { this.callback(widths.map((width) => ({ contentRect: { width } }))); }
}

function runFrames(): void {
  const due = [...frames.values()];
  frames = new Map();
  for (const f of due) f();
}

beforeEach(() => {
  observers = [];
  frames = new Map();
  vi.stubGlobal('ResizeObserver', FakeObserver);
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => { frames.set(nextFrame, f); return nextFrame++; });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => { frames.delete(id); });
});
afterEach(() => vi.unstubAllGlobals());

describe('watchWidth', () => {
  test('reports the box width once per frame, the last one seen, rounded', () => {
    const seen: number[] = [];
    watchWidth({} as Element, (px) => seen.push(px));
    const [observer] = observers;
    observer.resize(500.4);
    observer.resize(420, 366.6); // a window drag: several entries before the frame runs
    expect(seen).toEqual([]);
    runFrames();
    expect(seen).toEqual([367]);
  });

  test('ignores changes under the step (8 px by default) and zero-width (hidden) boxes', () => {
    const seen: number[] = [];
    watchWidth({} as Element, (px) => seen.push(px));
    const [observer] = observers;
    observer.resize(640);
    runFrames();
    observer.resize(635); // 5 px: a scrollbar appearing, not worth a re-render
    runFrames();
    observer.resize(0); // a closed <details>
    runFrames();
    observer.resize(600);
    runFrames();
    expect(seen).toEqual([640, 600]);
  });

  test('the stop disconnects and drops a pending frame', () => {
    const seen: number[] = [];
    const stop = watchWidth({} as Element, (px) => seen.push(px));
    const [observer] = observers;
    observer.resize(390);
    stop();
    runFrames();
    expect(seen).toEqual([]);
    expect(observer.disconnected).toBe(true);
  });
});
