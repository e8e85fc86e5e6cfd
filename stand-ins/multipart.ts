/** Splits a multipart/form-data body into its named parts. */
export function parseMultipart(
  body: Buffer,
  contentType: string,
): Map<string, { filename?: string; type?: string; data: Buffer }> {
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1] ?? "";
  const parts = new Map<string, { filename?: string; type?: string; data: Buffer }>();
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const next = body.indexOf(delimiter, at + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(at + delimiter.length + 2, next - 2);
    const split = part.indexOf("\r\n\r\n");
    const head = part.subarray(0, split).toString();
    const name = /name="([^"]+)"/.exec(head)?.[1] ?? "";
    const filename = /filename="([^"]+)"/.exec(head)?.[1];
    const type = /Content-Type: (.+)/i.exec(head)?.[1]?.trim();
    parts.set(name, {
      ...(filename ? { filename } : {}),
      ...(type ? { type } : {}),
      data: part.subarray(split + 4),
    });
    at = next;
  }
  return parts;
}
