// PLACEHOLDER until the Slack issue lands.
export async function writeSlackManifest(_file?: string): Promise<number> {
  process.stderr.write("photo-finish: slack:manifest is not built yet\n");
  return 1;
}
