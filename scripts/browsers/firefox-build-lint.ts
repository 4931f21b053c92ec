import { cmd } from 'web-ext';

export interface LintFinding {
  code: string;
  message: string;
  where: string;
}

export interface LintReport {
  errors: LintFinding[];
  warnings: LintFinding[];
  notices: LintFinding[];
}

type Message = Awaited<ReturnType<typeof cmd.lint>>['errors'][number];

function toFinding({ code, message, file, line }: Message): LintFinding {
  return { code, message, where: file ? `${file}${line ? `:${line}` : ''}` : '' };
}

/** Runs Mozilla's add-on linter (what AMO runs on upload) over a built Firefox extension directory. */
export async function lintFirefoxBuild(sourceDir: string): Promise<LintReport> {
  // 'none': the caller decides what to print; without shouldExitProgram the linter would end the process.
  const output = await cmd.lint({ sourceDir, output: 'none' }, { shouldExitProgram: false });
  return {
    errors: output.errors.map(toFinding),
    warnings: output.warnings.map(toFinding),
    notices: output.notices.map(toFinding),
  };
}

export function formatLintReport(report: LintReport): string {
  const lines = (['errors', 'warnings', 'notices'] as const).flatMap((kind) =>
    report[kind].map((f) => `${kind.slice(0, -1)}  ${f.code}  ${f.where}  ${f.message}`),
  );
  const summary = `${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`;
  return [...lines, summary].join('\n');
}
