import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');
// index.html paints a plain prompt before this script runs; the app takes its place.
target.replaceChildren();

const app = mount(App, { target });
// The web font's rules load after first paint; a failed load leaves the system fonts in use.
import('./fonts').catch(() => undefined);

export default app;
