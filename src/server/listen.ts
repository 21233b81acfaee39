/**
 * Puts the app on a socket. Bound to 127.0.0.1 unless told otherwise; port 0
 * picks a free port (the tests use it).
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { isIP } from 'node:net';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { DyadError } from '../core/errors.js';

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

/** Whether an address or name can be reached only from this machine. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return false;
}

export function listen(app: OpenAPIHono, host: string, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port, overrideGlobalObjects: false }) as Server;
    server.requestTimeout = 120_000;
    server.headersTimeout = 30_000;
    server.once('error', (e: NodeJS.ErrnoException) => {
      const why =
        e.code === 'EADDRINUSE' ? `port ${port} on ${host} is in use (another dyad serve?): choose one with --port`
        : e.code === 'EADDRNOTAVAIL' ? `${host} is not an address of this machine (--host)`
        : e.code === 'EACCES' ? `not allowed to listen on ${host}:${port}`
        : e.message;
      reject(new DyadError('E_CONFIG', why, undefined, { cause: e }));
    });
    server.once('listening', () => {
      const addr = server.address() as AddressInfo;
      const shown = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
      resolve({
        url: `http://${shown}:${addr.port}`,
        host: addr.address,
        port: addr.port,
        close: () =>
          new Promise<void>((res) => {
            server.close(() => res());
            server.closeAllConnections?.();
          }),
      });
    });
  });
}
