import { randomBytes } from "node:crypto";

/** A file sent beside an interaction response (Discord reads it as `files[n]`). */
export interface ResponseFile {
  readonly name: string;
  readonly contentType: string;
  readonly data: Buffer;
}

/**
 * Encodes an interaction response with files as multipart/form-data, the way Discord takes
 * attachments over HTTP: the JSON in a `payload_json` part, then each file as `files[n]`.
 */
export function encodeMultipart(
  payload: unknown,
  files: readonly ResponseFile[],
): { body: Buffer; contentType: string } {
  const boundary = `photo-finish-${randomBytes(12).toString("hex")}`;
  const parts: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="payload_json"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(payload)}\r\n`,
    ),
  ];
  files.forEach((file, index) => {
    // File names come from our own renderer (letters, digits, dashes); quotes are stripped regardless.
    const name = file.name.replace(/["\r\n]/g, "");
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files[${index}]"; filename="${name}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
      ),
      file.data,
      Buffer.from("\r\n"),
    );
  });
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
