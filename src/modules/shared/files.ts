// Files sent in JSON (documents of a tender, of a certification): name, media
// type and the bytes in base64. Stored in PostgreSQL with their SHA-256, which
// everyone who downloads a file is shown (and sent in X-Content-SHA256).
import { sha256Hex } from '../../server/sealing-node';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';

/** The largest file a route takes (bytes, decoded). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** A route's body limit for one file of MAX_FILE_BYTES in base64, with room for the JSON around it. */
export const FILE_BODY_LIMIT = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 64 * 1024;

export const FileUpload = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200),
    mediaType: z.string().trim().min(1, 'is required').max(120).regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a media type such as application/pdf'),
    data: z
      .string()
      .max(FILE_BODY_LIMIT)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
      .refine((s) => s.length % 4 === 0, 'must be base64')
      .refine((s) => s.length > 0, 'is empty')
      .refine((s) => (s.length / 4) * 3 <= MAX_FILE_BYTES + 2, `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`),
  })
  .strict();

export const FileMeta = z
  .object({ id: z.uuid(), name: z.string(), mediaType: z.string(), size: z.number().int(), sha256: z.string() })
  .meta({ id: 'FileMeta' });

/** A download's 200: the file's bytes (its SHA-256 in X-Content-SHA256). */
export const FileDownload = z.string().meta({ description: 'The file (its SHA-256 in the X-Content-SHA256 header)', format: 'binary' });

export function decodeFile(f: z.infer<typeof FileUpload>): { name: string; mediaType: string; content: Buffer; size: number; sha256: string } {
  const content = Buffer.from(f.data, 'base64');
  return { name: f.name, mediaType: f.mediaType, content, size: content.length, sha256: sha256Hex(content) };
}

/** Sends a stored file as a download, its SHA-256 in a header. */
export function sendFile(reply: FastifyReply, f: { name: string; mediaType: string; sha256: string; content: Buffer }) {
  return reply
    .header('content-type', f.mediaType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
    .header('x-content-sha256', f.sha256)
    .header('cache-control', 'private, no-store')
    .send(f.content);
}
