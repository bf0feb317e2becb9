// Entry point of instructor.html: the console with the instructor's injection panel.

import { startConsole } from './console.js';
import { createInjectionPanel } from './injections.js';

startConsole({ role: 'instructor', title: 'Instructor console', extensions: [createInjectionPanel] });
