/** The configured attachment limits, checked before upload (the server checks again). */
import type { AttachmentLimits } from '@core/config';

export type AttachmentProblem = 'tooBig' | 'wrongType' | 'empty';

export function checkAttachment(
  file: { size: number; type: string },
  limits: AttachmentLimits,
): AttachmentProblem | null {
  if (file.size === 0) return 'empty';
  if (file.size > limits.maxBytes) return 'tooBig';
  if (!limits.allowedMimeTypes.includes(file.type)) return 'wrongType';
  return null;
}
