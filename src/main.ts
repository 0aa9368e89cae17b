import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/app.css';

// Mounted in a task of its own: evaluating the bundle and building the first view in one task held the page for
// 60-110 ms at open.
setTimeout(() => mount(App, { target: document.getElementById('app') as HTMLElement }), 0);
