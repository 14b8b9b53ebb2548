/**
 * Transport security of the server itself: HTTPS when given a certificate and key, and one
 * clear warning at start-up when it listens beyond this machine without TLS (passwords and
 * bearer tokens would then cross the network in clear, unless a TLS proxy sits in front:
 * docs/security.md says how).
 */
import { readFileSync } from 'node:fs';
import { isLoopbackHost } from '@core/api';

export interface TlsFiles {
  /** PEM certificate (with its chain). */
  certFile: string;
  /** PEM private key. */
  keyFile: string;
}

export function readTls(files: TlsFiles): { cert: Buffer; key: Buffer } {
  return { cert: readFileSync(files.certFile), key: readFileSync(files.keyFile) };
}

/** The start-up warning for `host`, or null when none is needed. */
export function transportWarning(host: string, tls: boolean): string | null {
  if (tls || isLoopbackHost(host)) return null;
  return (
    `warning: listening on ${host} without TLS: passwords and tokens cross the network in ` +
    'clear. Give --tls-cert and --tls-key, or put a TLS proxy in front (docs/security.md).'
  );
}
