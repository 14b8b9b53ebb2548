import { type ReportPeriod, reportPeriods } from '@core/reports/index';
import type { SlaTranslate } from './sla-board-messages';

/** Radio buttons choosing the report period a figure shows. */
export function PeriodPicker(props: {
  value: ReportPeriod;
  onChange: (p: ReportPeriod) => void;
  t: SlaTranslate;
  label: string;
}) {
  return (
    <fieldset className="sla-periods">
      <legend className="visually-hidden">{props.label}</legend>
      {reportPeriods.map((p) => (
        <label key={p} className={p === props.value ? 'is-active' : ''}>
          <input
            type="radio"
            name={props.label}
            value={p}
            checked={p === props.value}
            onChange={() => props.onChange(p)}
          />
          {props.t(`period.${p}`)}
        </label>
      ))}
    </fieldset>
  );
}
