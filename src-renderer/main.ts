/** Renderer entry: mounts the app. */
import { mount } from 'svelte';
import App from './App.svelte';
import './styles/app.css';
import './styles/organise.css';
import './styles/stats.css';
import './styles/library-timeline.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
mount(App, { target });
