/**
 * `npm run fake-github [-- --port N] [--scenario NAME]`: the fake GitHub for manual runs of the CLI, the app and
 * the wizard. Prints the API URL and the (fake, printable) tokens of the scenario; runs until Ctrl-C.
 */
import { isScenarioName, scenarios } from './scenarios';
import { startFakeGitHub } from './server';

function arg(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const scenarioName = arg('scenario') ?? 'all';
if (!isScenarioName(scenarioName)) {
  console.error(`Unknown scenario "${scenarioName}". Known: ${Object.keys(scenarios).join(', ')}`);
  process.exit(2);
}
const port = Number(arg('port') ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be 0..65535`);
  process.exit(2);
}

const fake = await startFakeGitHub(scenarios[scenarioName], {
  port,
  onRequest: (r) => {
    const query = Object.keys(r.query).length > 0 ? `?${new URLSearchParams(r.query).toString()}` : '';
    console.log(
      `${r.status || 'reset'} ${r.method} ${r.path}${query}  (${r.headers.authorization ?? 'no auth'})`,
    );
  },
});
const lines = [
  `fake GitHub (scenario ${scenarioName}) at ${fake.url}`,
  `  use: --api-url ${fake.url}   (or the API URL field of the wizard)`,
  `  fake tokens:`,
  ...Object.entries(fake.state.tokens).map(
    ([token, t]) =>
      `    ${t.kind.padEnd(7)} @${t.login}  [${t.permissions.join(',') || 'no permissions'}]  ${token}`,
  ),
  `  scenarios: ${Object.keys(scenarios).join(', ')}`,
  `Ctrl-C to stop.`,
];
console.log(lines.join('\n'));
const stop = (): void => {
  void fake.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
