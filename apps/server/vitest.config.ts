import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// The demo templates are @kader/api's test fixture; the server's tests copy them too.
export default mergeConfig(shared, defineConfig({ test: { globalSetup: ['../../packages/api/test/demoTemplate.ts'] } }));
