import dns from 'node:dns';
import fs from 'node:fs';
import net from 'node:net';

// BMNN never opens an outbound connection (DESIGN.md §2). Loaded into every integration test
// process and into the server started by the browser tests, this guard refuses — before any
// packet leaves — every connection and name lookup that is not to the loopback interface, and
// records it so that the tests fail.

export const violations: string[] = [];

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;

function check(host: string | undefined, what: string): void {
  if (host === undefined || host === '' || LOOPBACK.test(host)) return;
  const message = `Kết nối ra ngoài bị chặn (${what}): ${host}`;
  violations.push(message);
  // Written at once: a server killed with SIGKILL runs no exit handler.
  if (process.env.BMNN_NETWORK_GUARD_REPORT) fs.appendFileSync(process.env.BMNN_NETWORK_GUARD_REPORT, message + '\n');
  throw new Error(message);
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const [first, second] = args as [unknown, unknown];
  if (typeof first === 'object' && first !== null && !Array.isArray(first)) {
    const opts = first as { host?: string; path?: string };
    if (!opts.path) check(opts.host ?? 'localhost', 'tcp');
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    check(typeof second === 'string' ? second : 'localhost', 'tcp');
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

const originalLookup = dns.lookup;
(dns as { lookup: unknown }).lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
  check(hostname, 'dns');
  return (originalLookup as (...a: unknown[]) => unknown)(hostname, ...rest);
};
const originalPromisesLookup = dns.promises.lookup;
(dns.promises as { lookup: unknown }).lookup = async function guardedPromisesLookup(hostname: string, ...rest: unknown[]) {
  check(hostname, 'dns');
  return (originalPromisesLookup as (...a: unknown[]) => unknown)(hostname, ...rest);
};

