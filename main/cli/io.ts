/** The real terminal behind CliIo: stdout/stderr, piped stdin, and a no-echo prompt for secrets. */
import { createInterface } from 'node:readline';
import type { CliIo } from './context';

export function terminalIo(): CliIo {
  const stdin = process.stdin;
  // `copilot-meter config | head -3`: the reader went away, so nobody is left to read the rest. That is not an
  // error worth a stack trace (Node's default for an unhandled EPIPE), just the end of the output.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    stdinIsTTY: Boolean(stdin.isTTY),
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    readSecret(prompt) {
      // Raw mode, no echo: the token never appears on screen or in scrollback.
      return new Promise((resolve, reject) => {
        process.stderr.write(prompt);
        let value = '';
        const onData = (buf: Buffer) => {
          for (const ch of buf.toString('utf8')) {
            if (ch === '\r' || ch === '\n' || ch === '\u0004') {
              done();
              process.stderr.write('\n');
              resolve(value);
              return;
            }
            if (ch === '\u0003') {
              done();
              process.stderr.write('\n');
              reject(new Error('cancelled'));
              return;
            }
            if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
            else if (ch >= ' ') value += ch;
          }
        };
        const done = () => {
          stdin.off('data', onData);
          stdin.setRawMode?.(false);
          stdin.pause();
        };
        stdin.setRawMode?.(true);
        stdin.resume();
        stdin.on('data', onData);
      });
    },
    async confirm(question, fallback) {
      if (!stdin.isTTY) return fallback;
      const rl = createInterface({ input: stdin, output: process.stderr });
      const answer = await new Promise<string>((resolve) =>
        rl.question(`${question} [${fallback ? 'Y/n' : 'y/N'}] `, resolve),
      );
      rl.close();
      const a = answer.trim().toLowerCase();
      return a === '' ? fallback : a.startsWith('y') || a.startsWith('o') || a.startsWith('是');
    },
  };
}
