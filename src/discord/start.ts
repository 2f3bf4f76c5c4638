/**
 * Entry point of the Discord face, called by src/main.ts when DISCORD_TOKEN is set or --discord
 * is given. (Placeholder written by the core engineer so main.ts type-checks: the Discord face
 * owner replaces this with the real start-up: config, load the core, log in, graceful shutdown.)
 */
export async function startDiscord(options: { requireToken: boolean }): Promise<void> {
  void options;
  process.stderr.write('The Discord face is not wired yet.\n');
  process.exitCode = 1;
}
