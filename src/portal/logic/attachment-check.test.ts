import { defaultAttachmentLimits } from '@core/config';
import { expect, it } from 'vitest';
import { checkAttachment } from './attachment-check';

it('checks size and type against the configured limits', () => {
  const mb = 1024 * 1024;
  expect(checkAttachment({ size: mb, type: 'image/png' }, defaultAttachmentLimits)).toBeNull();
  expect(checkAttachment({ size: 11 * mb, type: 'image/png' }, defaultAttachmentLimits)).toBe(
    'tooBig',
  );
  expect(
    checkAttachment({ size: 10, type: 'application/x-msdownload' }, defaultAttachmentLimits),
  ).toBe('wrongType');
  expect(checkAttachment({ size: 0, type: 'text/plain' }, defaultAttachmentLimits)).toBe('empty');
});
