import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';

// The encrypted backup container:
//   "BMNNBAK1" | uint32 header length | header JSON | AES-256-GCM ciphertext | 16-byte tag
// The header carries the scrypt parameters, the salt, the IV and a key check (HMAC of a fixed
// text with the derived key), so that a wrong passphrase is told apart from a damaged file
// before anything is decrypted. The ciphertext is gzip'd JSON lines (see backup.usecases.ts).

export const MAGIC = Buffer.from('BMNNBAK1', 'ascii');
export const TAG_LENGTH = 16;

export type BackupHeader = {
  version: 1;
  createdAt: string;
  database: string;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  iv: string;
  keyCheck: string;
};

function scrypt(passphrase: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(passphrase.normalize('NFC'), salt, 32, { ...options, maxmem: 256 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

const keyCheckOf = (key: Buffer) => createHmac('sha256', key).update('bmnn-backup-key-check').digest('base64');

export async function createEncryption({ passphrase, database, now }: { passphrase: string; database: string; now: Date }) {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kdf = { name: 'scrypt' as const, N: 2 ** 15, r: 8, p: 1, salt: salt.toString('base64') };
  const key = await scrypt(passphrase, salt, { N: kdf.N, r: kdf.r, p: kdf.p });
  const header: BackupHeader = { version: 1, createdAt: now.toISOString(), database, kdf, iv: iv.toString('base64'), keyCheck: keyCheckOf(key) };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  return { prefix: Buffer.concat([MAGIC, length, headerBytes]), cipher: createCipheriv('aes-256-gcm', key, iv) };
}

export class BackupFormatError extends Error {
  constructor(
    readonly reason: 'not_a_backup' | 'wrong_passphrase' | 'damaged',
    message: string,
  ) {
    super(message);
  }
}

/** Reads the header and derives the key; throws BackupFormatError with a Vietnamese message. */
export async function openEncryption({ head, passphrase }: { head: Buffer; passphrase: string }) {
  if (head.length < 12 || !head.subarray(0, 8).equals(MAGIC)) {
    throw new BackupFormatError('not_a_backup', 'Tệp không phải là bản sao lưu BMNN');
  }
  const headerLength = head.readUInt32BE(8);
  if (headerLength > 64 * 1024 || head.length < 12 + headerLength) throw new BackupFormatError('damaged', 'Tệp sao lưu bị hỏng (phần đầu không đọc được)');
  let header: BackupHeader;
  try {
    header = JSON.parse(head.subarray(12, 12 + headerLength).toString('utf8')) as BackupHeader;
  } catch {
    throw new BackupFormatError('damaged', 'Tệp sao lưu bị hỏng (phần đầu không đọc được)');
  }
  const { N, r, p, salt } = header.kdf;
  const key = await scrypt(passphrase, Buffer.from(salt, 'base64'), { N, r, p });
  if (keyCheckOf(key) !== header.keyCheck) throw new BackupFormatError('wrong_passphrase', 'Mật khẩu của bản sao lưu không đúng');
  return { header, bodyOffset: 12 + headerLength, decipherFor: (tag: Buffer) => createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64')).setAuthTag(tag) };
}
