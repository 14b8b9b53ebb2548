/** This installation's id, sent with every push and sign-in so the audit trail names the device. */
export function deviceId(): string {
  const key = 'saksbord.deviceId';
  let id = localStorage.getItem(key);
  if (!id) {
    id = `web-${crypto.randomUUID()}`;
    localStorage.setItem(key, id);
  }
  return id;
}
