/** Write one line to standard output, waiting when the pipe is full (large batches into `head`, files). */
export function writeLine(line: string): Promise<void> | void {
  if (process.stdout.write(`${line}\n`)) return;
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}
