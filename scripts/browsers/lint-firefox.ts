import { resolve } from 'node:path';
import { formatLintReport, lintFirefoxBuild } from './firefox-build-lint.ts';

// Lints what `wxt build -b firefox` just wrote; errors fail the run, warnings are only reported.
const sourceDir = resolve(process.env.GOAL_LENS_OUT_DIR ?? '.output', 'firefox-mv3');
const report = await lintFirefoxBuild(sourceDir);
console.log(`web-ext lint ${sourceDir}\n${formatLintReport(report)}`);
process.exitCode = report.errors.length > 0 ? 1 : 0;
