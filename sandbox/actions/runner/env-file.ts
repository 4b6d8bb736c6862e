/** Why a GITHUB_ENV / GITHUB_OUTPUT file could not be read, worded so the step author can fix it. */
export class EnvFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvFileError";
  }
}

/**
 * Reads the `name=value` and `name<<DELIMITER … DELIMITER` lines steps append to the files
 * GITHUB_ENV, GITHUB_OUTPUT and GITHUB_STATE point at, in order (later values win).
 */
export function parseEnvFile(text: string, file: string): [string, string][] {
  const lines = text.split(/\r?\n/);
  const out: [string, string][] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    const heredoc = line.indexOf("<<");
    const eq = line.indexOf("=");
    if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (!name || !delimiter) throw new EnvFileError(`${file}: invalid line "${line}"`);
      const value: string[] = [];
      let closed = false;
      for (i++; i < lines.length; i++) {
        if (lines[i] === delimiter) {
          closed = true;
          break;
        }
        value.push(lines[i]!);
      }
      if (!closed)
        throw new EnvFileError(
          `${file}: matching delimiter not found '${delimiter}' for ${name} (end the value with a line holding only ${delimiter})`,
        );
      out.push([name, value.join("\n")]);
    } else if (eq > 0) {
      out.push([line.slice(0, eq), line.slice(eq + 1)]);
    } else {
      throw new EnvFileError(
        `${file}: invalid format "${line}" (write name=value, or name<<DELIMITER for several lines)`,
      );
    }
  }
  return out;
}
