/** A problem with an input or output file itself (exit code 2), with its message in both languages. */
export class FileError extends Error {
  constructor(
    public vi: string,
    public en: string,
  ) {
    super(vi);
    this.name = "FileError";
  }
}
