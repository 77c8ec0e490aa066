// SPDX-License-Identifier: EUPL-1.2
// Before each browser test file: the browser test files of one worker share their modules (isolate:
// false), so the script errors collected in browser.ts start empty for every file.
import { pageErrors } from './browser.js';

pageErrors.length = 0;
