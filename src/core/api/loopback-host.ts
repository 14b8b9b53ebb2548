/**
 * Loopback hosts: traffic to them never leaves the machine, so plain http is acceptable
 * there and nowhere else (the clients' `serverAddress`, the server's start-up warning).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === '::1' ||
    host === '::ffff:127.0.0.1'
  );
}
