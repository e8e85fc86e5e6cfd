// PLACEHOLDER until the Discord issue lands.
export async function registerDiscordCommands(): Promise<number> {
  process.stderr.write("photo-finish: discord:register is not built yet\n");
  return 1;
}
