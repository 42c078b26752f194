import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import './i18n/i18n.js';

// Rendering the whole drawer in jsdom takes most of the default second when CI's two cores are
// busy; findBy*/waitFor give up only when something is really missing.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => cleanup());
