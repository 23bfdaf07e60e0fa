import type { FastifyReply } from 'fastify';

export type GeneratedFile = { filename: string; contentType: string; buffer: Buffer };

/** Sends a generated or stored file; the name is ASCII so that every browser keeps it. */
export function sendFile(reply: FastifyReply, file: GeneratedFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.buffer);
}
