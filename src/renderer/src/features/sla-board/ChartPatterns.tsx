import type { Priority } from '@core/case/index';

/**
 * Fills that differ in pattern as well as colour, so priorities and clocks can be told apart
 * without colour (WCAG 1.4.1): critical solid, high stripes, medium dots, low cross-hatch.
 * Colours are the app's priority colours (≥ 4.5:1 on white). Rendered once per view.
 */
export const priorityFill: Record<Priority, string> = {
  critical: 'var(--critical, #b3131b)',
  high: 'url(#sla-pattern-high)',
  medium: 'url(#sla-pattern-medium)',
  low: 'url(#sla-pattern-low)',
};

/** Response bars are solid, resolution bars striped. */
export const clockFill = { response: '#0b5cad', resolution: 'url(#sla-pattern-resolution)' };

export function ChartPatterns() {
  return (
    <svg width="0" height="0" style={{ position: 'absolute' }} aria-hidden="true" focusable="false">
      <defs>
        <pattern
          id="sla-pattern-high"
          width="8"
          height="8"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="8" height="8" fill="#a34700" />
          <rect width="3" height="8" fill="#f3c8a4" />
        </pattern>
        <pattern id="sla-pattern-medium" width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill="#0b5cad" />
          <circle cx="4" cy="4" r="1.8" fill="#cfe2f7" />
        </pattern>
        <pattern id="sla-pattern-low" width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill="#4a5868" />
          <path d="M0 0L8 8M8 0L0 8" stroke="#d5dbe2" strokeWidth="1.2" />
        </pattern>
        <pattern
          id="sla-pattern-resolution"
          width="8"
          height="8"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(-45)"
        >
          <rect width="8" height="8" fill="#146c2e" />
          <rect width="3" height="8" fill="#bfe3c9" />
        </pattern>
      </defs>
    </svg>
  );
}
