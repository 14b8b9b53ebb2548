/**
 * Whether an uploaded file is what it says it is. A file's name, its declared type and its
 * first bytes must agree: `setup.exe` sent as `image/png`, or a PNG named `photo.png` that is
 * really a program, is refused — the workstation saves files under their names, and a name
 * decides what opens them. Bidirectional control characters (the right-to-left override that
 * makes `gpj.exe` read as `exe.jpg`) and other control characters are taken out of the name.
 *
 * Types this table does not know (a service may allow more in its configuration) are checked
 * only for a name without control characters.
 */

interface TypeRule {
  extensions: readonly string[];
  /** Whether the first bytes fit the type. */
  content: (head: Uint8Array) => boolean;
}

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0) =>
  bytes.every((b, i) => head[at + i] === b);
const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));
const zip = (head: Uint8Array) => startsWith(head, [0x50, 0x4b, 0x03, 0x04]);
/** Text: no NUL byte in what was read, and not a Windows program. */
const text = (head: Uint8Array) => !head.includes(0) && !startsWith(head, ascii('MZ'));

const rules: Readonly<Record<string, TypeRule>> = {
  'image/png': {
    extensions: ['png'],
    content: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  'image/jpeg': {
    extensions: ['jpg', 'jpeg', 'jpe', 'jfif'],
    content: (h) => startsWith(h, [0xff, 0xd8, 0xff]),
  },
  'image/gif': {
    extensions: ['gif'],
    content: (h) => startsWith(h, ascii('GIF87a')) || startsWith(h, ascii('GIF89a')),
  },
  'image/webp': {
    extensions: ['webp'],
    content: (h) => startsWith(h, ascii('RIFF')) && startsWith(h, ascii('WEBP'), 8),
  },
  'application/pdf': { extensions: ['pdf'], content: (h) => startsWith(h, ascii('%PDF-')) },
  'text/plain': { extensions: ['txt', 'log', 'text', 'md', 'ini', 'cfg', 'conf'], content: text },
  'text/csv': { extensions: ['csv', 'txt'], content: text },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    extensions: ['docx'],
    content: zip,
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    extensions: ['xlsx'],
    content: zip,
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    extensions: ['pptx'],
    content: zip,
  },
  'message/rfc822': { extensions: ['eml', 'msg', 'txt'], content: text },
};

/** Bidirectional controls, zero-width marks and C0/C1 controls: never in a file name. */
function unsafeInName(codePoint: number): boolean {
  return (
    codePoint <= 0x1f ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    codePoint === 0x061c ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069) ||
    codePoint === 0xfeff
  );
}

export function cleanFileName(name: string): string {
  return [...name]
    .filter((ch) => !unsafeInName(ch.codePointAt(0)!))
    .join('')
    .trim();
}

export type AttachmentFileVerdict =
  | { ok: true; fileName: string }
  | { ok: false; problem: 'name' | 'extension' | 'content'; fileName: string };

export function checkAttachmentFile(
  fileName: string,
  contentType: string,
  head: Uint8Array,
): AttachmentFileVerdict {
  const clean = cleanFileName(fileName);
  if (clean === '' || clean === '.' || clean === '..' || /[\\/]/.test(clean)) {
    return { ok: false, problem: 'name', fileName: clean };
  }
  const rule = rules[contentType];
  if (!rule) return { ok: true, fileName: clean };
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 ? clean.slice(dot + 1).toLowerCase() : '';
  if (!rule.extensions.includes(extension)) {
    return { ok: false, problem: 'extension', fileName: clean };
  }
  if (!rule.content(head)) return { ok: false, problem: 'content', fileName: clean };
  return { ok: true, fileName: clean };
}
