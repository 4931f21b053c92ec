// web-ext ships no types; this declares the one command used, as its node API documents it.
declare module 'web-ext' {
  interface LintMessage {
    code: string;
    message: string;
    description?: string;
    file?: string;
    line?: number;
    column?: number;
  }
  interface LintOutput {
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  }
  export const cmd: {
    lint(
      params: { sourceDir: string; output?: 'text' | 'json' | 'none'; warningsAsErrors?: boolean },
      options?: { shouldExitProgram?: boolean },
    ): Promise<LintOutput>;
  };
}
