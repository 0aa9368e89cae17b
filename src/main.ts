import { mount } from 'svelte';
import './ui/app.css';

// The app's code evaluates in steps, each a task of its own: the core and the state first, then the views, then the
// mount. Evaluated and mounted in one go it held the page for 60-110 ms at open.
void import('./state/workspace.svelte.ts')
  .then(() => import('./ui/App.svelte'))
  .then(({ default: App }) => mount(App, { target: document.getElementById('app') as HTMLElement }));
