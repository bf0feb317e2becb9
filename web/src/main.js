// Entry point of index.html: the trainee's or analyst's console (`?role=trainee|analyst`).

import { startConsole } from './console.js';

const ROLES = ['trainee', 'analyst'];
const requested = new URLSearchParams(window.location.search).get('role');
const role = ROLES.includes(requested) ? requested : 'analyst';

startConsole({ role, title: role === 'trainee' ? 'Trainee console' : 'Analyst console' });
